package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Runs a Lambda authorizer the way API Gateway does: invokes the deployed function with the authorizer
 * event and reads its answer (an IAM policy for the method/route ARN, or a simple {@code isAuthorized}
 * response). What the client then sees differs between REST and HTTP APIs, so the outcome is a
 * {@link Kind} the front door turns into its own answer.
 */
final class LambdaAuthorizerCall {

	private static final System.Logger log = System.getLogger(LambdaAuthorizerCall.class.getName());

	/** What the authorizer decided. */
	enum Kind {
		ALLOW,
		/** No identity (a missing identity source) or the function answered the error "Unauthorized": 401. */
		UNAUTHORIZED,
		/** A Deny statement matched the ARN, or a simple response said {@code isAuthorized: false}: 403. */
		EXPLICIT_DENY,
		/** No Allow statement matched the ARN: 403. */
		IMPLICIT_DENY,
		/** The function could not be invoked or failed otherwise: 500. */
		FAILURE
	}

	/**
	 * @param context the authorizer's {@code context} (for the function's event), or null
	 * @param usageIdentifierKey the API key a REST API with {@code apiKeySource: AUTHORIZER} uses, or null
	 */
	record Outcome(Kind kind, JsonNode context, String principalId, String usageIdentifierKey) {

		static Outcome of(Kind kind) {
			return new Outcome(kind, null, null, null);
		}

	}

	private LambdaAuthorizerCall() {
	}

	/**
	 * Invokes the authorizer {@code authorizerUri} names with {@code event}, or takes its cached answer.
	 * @param resourceArn the method or route ARN the policy is matched against
	 * @param simple whether the answer is a simple response (HTTP API {@code enableSimpleResponses})
	 * @param credentials whether the authorizer has its own invocation role (then no resource policy is needed)
	 * @param caching the result cache for this authorizer and identity, or null
	 */
	static Outcome call(LocalContext context, String authorizerUri, Map<String, String> stageVariables, boolean credentials,
			ObjectNode event, String resourceArn, boolean simple, AuthorizerCache.Use caching) {
		java.time.Instant now = context.clock().instant();
		JsonNode cached = (caching != null) ? caching.cache().get(caching.key(), now) : null;
		if (cached != null) {
			return outcome(cached, resourceArn, simple, authorizerUri);
		}
		String functionArn = LambdaProxy.functionArn(authorizerUri, stageVariables);
		if (functionArn == null) {
			log.log(Level.WARNING, "Authorizer URI " + authorizerUri + " names no Lambda function");
			return Outcome.of(Kind.FAILURE);
		}
		LambdaService lambda = context.service(LambdaService.class);
		RuntimeInvocationResult result;
		try {
			if (!credentials && !lambda.allowsInvocationBy(functionArn, "apigateway.amazonaws.com")) {
				log.log(Level.WARNING, "The authorizer may not invoke " + functionArn
						+ ": its resource policy has no statement for apigateway.amazonaws.com (lambda add-permission)");
				return Outcome.of(Kind.FAILURE);
			}
			InvokedFunction target = lambda.target(functionArn, null);
			result = lambda.invoker().invoke(target, Json.bytes(event), null);
		}
		catch (AwsException ex) {
			log.log(Level.WARNING, "Cannot invoke the authorizer " + functionArn + ": " + ex.getMessage());
			return Outcome.of(Kind.FAILURE);
		}
		JsonNode answer;
		try {
			answer = Json.parse(result.payloadText());
		}
		catch (RuntimeException ex) {
			answer = null;
		}
		if (result.failed()) {
			// a function that throws "Unauthorized" asks for a 401, as with API Gateway
			boolean unauthorized = answer != null && "Unauthorized".equals(answer.path("errorMessage").asString(""));
			if (!unauthorized) {
				log.log(Level.WARNING, "The authorizer " + functionArn + " failed: " + result.payloadText());
			}
			return Outcome.of(unauthorized ? Kind.UNAUTHORIZED : Kind.FAILURE);
		}
		Outcome outcome = outcome(answer, resourceArn, simple, functionArn);
		if (caching != null && outcome.kind() != Kind.FAILURE) {
			caching.cache().put(caching.key(), answer, now, caching.ttlSeconds());
		}
		return outcome;
	}

	/** What an authorizer's answer decides for this ARN. */
	private static Outcome outcome(JsonNode answer, String resourceArn, boolean simple, String functionArn) {
		if (answer == null || !answer.isObject()) {
			log.log(Level.WARNING, "The authorizer " + functionArn + " answered no JSON object: " + answer);
			return Outcome.of(Kind.FAILURE);
		}
		JsonNode authorizerContext = answer.get("context");
		String principalId = Json.string(answer, "principalId");
		String usageKey = answer.path("usageIdentifierKey").isString() ? answer.get("usageIdentifierKey").asString() : null;
		if (simple) {
			if (!answer.path("isAuthorized").isBoolean()) {
				log.log(Level.WARNING, "The authorizer " + functionArn + " gave a simple response without isAuthorized: " + answer);
				return Outcome.of(Kind.FAILURE);
			}
			Kind kind = answer.get("isAuthorized").asBoolean() ? Kind.ALLOW : Kind.EXPLICIT_DENY;
			return new Outcome(kind, authorizerContext, principalId, usageKey);
		}
		if (!answer.path("policyDocument").isObject()) {
			log.log(Level.WARNING, "The authorizer " + functionArn + " answered without a policyDocument: " + answer);
			return Outcome.of(Kind.FAILURE);
		}
		return new Outcome(evaluate(answer.get("policyDocument"), resourceArn), authorizerContext, principalId, usageKey);
	}

	/** IAM's rule for an {@code execute-api:Invoke} policy: an explicit Deny wins, then an Allow, else implicitly denied. */
	static Kind evaluate(JsonNode policy, String resourceArn) {
		boolean allowed = false;
		for (JsonNode statement : asList(policy.get("Statement"))) {
			boolean invoke = values(statement.get("Action")).stream().anyMatch((a) -> matches(a, "execute-api:Invoke"));
			boolean resource = values(statement.get("Resource")).stream().anyMatch((r) -> matches(r, resourceArn));
			if (invoke && resource) {
				String effect = statement.path("Effect").asString("");
				if (effect.equalsIgnoreCase("Deny")) {
					return Kind.EXPLICIT_DENY;
				}
				allowed |= effect.equalsIgnoreCase("Allow");
			}
		}
		return allowed ? Kind.ALLOW : Kind.IMPLICIT_DENY;
	}

	/** An IAM pattern ({@code *} any run of characters, {@code ?} one) against a value. */
	static boolean matches(String pattern, String value) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
	}

	private static List<JsonNode> asList(JsonNode node) {
		List<JsonNode> list = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach(list::add);
		}
		else if (node != null && node.isObject()) {
			list.add(node);
		}
		return list;
	}

	private static List<String> values(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((v) -> values.add(v.asString()));
		}
		else if (node != null && node.isString()) {
			values.add(node.asString());
		}
		return values;
	}

	/**
	 * The value of one identity source ({@code method.request.header.X} / {@code $request.header.X},
	 * {@code querystring}, {@code stageVariables}, {@code context}), or null when the request lacks it.
	 */
	static String identity(AwsRequest request, String source, Map<String, String> stageVariables, String stage) {
		String name = source.trim().replaceFirst("^\\$", "").replaceFirst("^method\\.", "");
		String value;
		if (name.startsWith("request.header.")) {
			value = request.header(name.substring("request.header.".length()));
		}
		else if (name.startsWith("request.querystring.")) {
			value = request.query(name.substring("request.querystring.".length()));
		}
		else if (name.startsWith("stageVariables.")) {
			value = stageVariables.get(name.substring("stageVariables.".length()));
		}
		else if (name.equals("context.stage")) {
			value = stage;
		}
		else {
			// other $context variables are always there in API Gateway; locally they count as given
			value = name;
		}
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The values of all identity sources in order, or null when one is missing (API Gateway's 401). */
	static List<String> identities(AwsRequest request, List<String> sources, Map<String, String> stageVariables, String stage) {
		List<String> values = new ArrayList<>();
		for (String source : sources) {
			String value = identity(request, source, stageVariables, stage);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return values;
	}

	/** An authorizer event: its own members first, then the proxy event's request members (no body). */
	static ObjectNode event(ObjectNode head, ObjectNode proxyEvent) {
		ObjectNode event = head.deepCopy();
		proxyEvent.properties().forEach((e) -> {
			if (!event.has(e.getKey()) && !e.getKey().equals("body") && !e.getKey().equals("isBase64Encoded")) {
				event.set(e.getKey(), e.getValue());
			}
		});
		return event;
	}

}
