package io.serverlessspring.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP request as the services see it: method, raw and decoded path, query, headers (names
 * case-insensitive), body, and what the dispatcher learnt from the signature (signing name, region).
 */
public final class AwsRequest {

	private final String method;

	private final String rawPath;

	private final String rawQuery;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	private final String remoteAddress;

	private Map<String, List<String>> query;

	private Map<String, String> form;

	private String signingName;

	private String region;

	private final String requestId;

	public AwsRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
			String remoteAddress, String requestId) {
		this.method = method.toUpperCase(Locale.ROOT);
		this.rawPath = (rawPath == null || rawPath.isEmpty()) ? "/" : rawPath;
		this.rawQuery = (rawQuery != null) ? rawQuery : "";
		Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> sorted.computeIfAbsent(name, (n) -> new ArrayList<>()).addAll(values));
		this.headers = Collections.unmodifiableMap(sorted);
		this.body = (body != null) ? body : new byte[0];
		this.remoteAddress = remoteAddress;
		this.requestId = requestId;
	}

	public String method() {
		return this.method;
	}

	/** The path as sent (percent-encoded). */
	public String rawPath() {
		return this.rawPath;
	}

	/** The path with percent-escapes decoded ({@code +} stays a plus). */
	public String path() {
		return decode(this.rawPath.replace("+", "%2B"));
	}

	/** The query string as sent, without {@code ?}; empty when there is none. */
	public String rawQuery() {
		return this.rawQuery;
	}

	/** Decoded query parameters in order; a key without {@code =} maps to an empty string. */
	public Map<String, List<String>> queryParameters() {
		if (this.query == null) {
			this.query = Collections.unmodifiableMap(parseForm(this.rawQuery));
		}
		return this.query;
	}

	/** The first value of a query parameter, or null. */
	public String query(String name) {
		List<String> values = queryParameters().get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	public boolean hasQuery(String name) {
		return queryParameters().containsKey(name);
	}

	/** Headers by case-insensitive name. */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/** The first value of a header, or null. */
	public String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	public byte[] body() {
		return this.body;
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body as a JSON object; an empty body is an empty object. Malformed JSON is the caller's
	 * fault: {@code SerializationException}, as the JSON services answer.
	 */
	public ObjectNode json() {
		if (this.body.length == 0) {
			return Json.object();
		}
		JsonNode node;
		try {
			node = Json.mapper().readTree(this.body);
		}
		catch (RuntimeException ex) {
			throw AwsException.badRequest("SerializationException", "The request body is not valid JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw AwsException.badRequest("SerializationException", "The request body must be a JSON object");
		}
		return object;
	}

	/**
	 * For the query protocol: query-string and form-encoded body parameters together (the body wins),
	 * e.g. {@code Action}, {@code RoleName}, {@code Tags.member.1.Key}.
	 */
	public Map<String, String> form() {
		if (this.form == null) {
			Map<String, String> merged = new LinkedHashMap<>();
			queryParameters().forEach((k, v) -> merged.put(k, v.isEmpty() ? "" : v.get(0)));
			String contentType = header("Content-Type");
			if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
				parseForm(bodyText()).forEach((k, v) -> merged.put(k, v.isEmpty() ? "" : v.get(0)));
			}
			this.form = Collections.unmodifiableMap(merged);
		}
		return this.form;
	}

	/** The query protocol's {@code Action} parameter, or null. */
	public String action() {
		return form().get("Action");
	}

	/** {@code X-Amz-Target}'s operation (after the dot), or null. */
	public String targetOperation() {
		String target = header("X-Amz-Target");
		if (target == null) {
			return null;
		}
		int dot = target.lastIndexOf('.');
		return (dot >= 0) ? target.substring(dot + 1) : target;
	}

	/** The {@code Host} header without port, lower case; empty when absent. */
	public String host() {
		String host = header("Host");
		if (host == null) {
			return "";
		}
		int colon = host.lastIndexOf(':');
		if (colon > 0 && host.indexOf(']') < colon) {
			host = host.substring(0, colon);
		}
		return host.toLowerCase(Locale.ROOT);
	}

	public String remoteAddress() {
		return this.remoteAddress;
	}

	/** The id the response carries in {@code x-amzn-RequestId}. */
	public String requestId() {
		return this.requestId;
	}

	/** The SigV4 signing name, or null when the request was not signed. */
	public String signingName() {
		return this.signingName;
	}

	/** The region from the credential scope, else the cloud's default region. */
	public String region() {
		return this.region;
	}

	void signedAs(String signingName, String region) {
		this.signingName = signingName;
		this.region = region;
	}

	static Map<String, List<String>> parseForm(String encoded) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = decodeForm((eq >= 0) ? pair.substring(0, eq) : pair);
			String value = (eq >= 0) ? decodeForm(pair.substring(eq + 1)) : "";
			values.computeIfAbsent(key, (k) -> new ArrayList<>()).add(value);
		}
		return values;
	}

	private static String decodeForm(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
