package io.serverlessspring.boot.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.JsonPointers;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

/**
 * {@code serverless.http.context-headers}: request headers whose value comes from the event's
 * request context (request id, source IP, authorizer claims...), set before the app sees the
 * request, for every HTTP front. Zappa's {@code context_header_mappings}.
 *
 * <p>A field is a friendly name from {@link #FRIENDLY_NAMES} or a dotted path into
 * {@code requestContext} ({@code authorizer.claims.sub}). The client's own header of the same name
 * is never seen: it is replaced, or removed when the event has no such field, so a client cannot
 * spoof {@code X-User-Id}.
 */
final class ContextHeaders {

	static final String PROPERTY = "serverless.http.context-headers";

	/** Friendly names and the request-context paths they read, first present wins (REST v1, then v2 / function URL). */
	static final Map<String, List<String>> FRIENDLY_NAMES = friendlyNames();

	/** The client address the route computed: covers ALB, whose request context has none. */
	static final String SOURCE_IP = "source-ip";

	/** The Lambda invocation's request id, from the Lambda context: present for every front. */
	static final String LAMBDA_REQUEST_ID = "lambda-request-id";

	// RFC 9110 token characters.
	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	// Keys of requestContext and of claims: letters, digits, and the few signs claim names use (cognito:groups).
	private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_$:@-]+(\\.[A-Za-z0-9_$:@-]+)*");

	/** Lower-cased header name to its mapping. */
	private final Map<String, Mapping> mappings;

	ContextHeaders(Map<String, String> configured) {
		Map<String, Mapping> mappings = new LinkedHashMap<>();
		configured.forEach((header, field) -> {
			String name = header.trim();
			if (!HEADER_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(PROPERTY + ": '" + header + "' is not a valid HTTP header name");
			}
			mappings.put(name.toLowerCase(Locale.ROOT), new Mapping(name, pointers(name, field)));
		});
		this.mappings = Collections.unmodifiableMap(mappings);
	}

	boolean isEmpty() {
		return this.mappings.isEmpty();
	}

	/** The request as the app sees it: mapped headers from the event, the client's of the same name gone. */
	HttpServletRequest apply(HttpServletRequest request, JsonNode requestContext, String clientAddress,
			Context context) {
		if (this.mappings.isEmpty()) {
			return request;
		}
		Map<String, String> values = new LinkedHashMap<>();
		this.mappings.forEach((key, mapping) -> values.put(key,
				mapping.value(requestContext, clientAddress, context)));
		return new ContextHeadersRequest(request, this, values);
	}

	/** The configured spelling of a mapped header, or null when {@code name} is not mapped. */
	String configuredName(String lowerCaseName) {
		Mapping mapping = this.mappings.get(lowerCaseName);
		return (mapping != null) ? mapping.header() : null;
	}

	private static List<String> pointers(String header, String field) {
		String name = (field != null) ? field.trim() : "";
		if (name.equals(SOURCE_IP) || name.equals(LAMBDA_REQUEST_ID)) {
			return List.of(name);
		}
		List<String> paths = FRIENDLY_NAMES.get(name);
		if (paths == null) {
			if (!PATH.matcher(name).matches()) {
				throw new IllegalArgumentException(PROPERTY + "." + header + ": '" + field
						+ "' is neither a known field (" + String.join(", ", knownNames())
						+ ") nor a dotted path into the request context such as authorizer.claims.sub");
			}
			paths = List.of(name);
		}
		List<String> pointers = new ArrayList<>();
		for (String path : paths) {
			pointers.add("/" + path.replace(".", "/"));
		}
		return pointers;
	}

	private static List<String> knownNames() {
		List<String> names = new ArrayList<>(List.of(SOURCE_IP, LAMBDA_REQUEST_ID));
		names.addAll(FRIENDLY_NAMES.keySet());
		return names;
	}

	private static Map<String, List<String>> friendlyNames() {
		Map<String, List<String>> names = new LinkedHashMap<>();
		names.put("request-id", List.of("requestId"));
		names.put("stage", List.of("stage"));
		names.put("domain-name", List.of("domainName"));
		names.put("api-id", List.of("apiId"));
		names.put("account-id", List.of("accountId"));
		names.put("user-agent", List.of("identity.userAgent", "http.userAgent"));
		names.put("request-time-epoch", List.of("requestTimeEpoch", "timeEpoch"));
		names.put("principal-id", List.of("authorizer.principalId"));
		names.put("user-arn", List.of("identity.userArn", "authorizer.iam.userArn"));
		names.put("cognito-identity-id", List.of("identity.cognitoIdentityId", "authorizer.iam.cognitoIdentity.identityId"));
		return Collections.unmodifiableMap(names);
	}

	private record Mapping(String header, List<String> pointers) {

		String value(JsonNode requestContext, String clientAddress, Context context) {
			String first = this.pointers.get(0);
			if (first.equals(SOURCE_IP)) {
				return clientAddress;
			}
			if (first.equals(LAMBDA_REQUEST_ID)) {
				return (context != null) ? context.getAwsRequestId() : null;
			}
			for (String pointer : this.pointers) {
				String value = text(requestContext.at(JsonPointers.of(pointer)));
				if (value != null) {
					return value;
				}
			}
			return null;
		}

		/** Scalars as text, arrays of scalars comma-separated, objects as JSON; null and missing are absent. */
		private static String text(JsonNode node) {
			if (node.isMissingNode() || node.isNull()) {
				return null;
			}
			if (node.isArray()) {
				List<String> items = new ArrayList<>();
				node.forEach((item) -> items.add(item.isValueNode() ? item.asString() : item.toString()));
				return String.join(",", items);
			}
			return node.isValueNode() ? node.asString() : node.toString();
		}

	}

}
