package io.serverlessspring.boot.authorizer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway Lambda-authorizer events (REST {@code TOKEN} and {@code REQUEST}, HTTP API payload
 * 1.0 and 2.0), handed to the app's {@link LambdaAuthorizer}. The answer is the shape API Gateway
 * reads: an IAM policy for REST APIs and payload 1.0, for payload 2.0 a simple response
 * ({@code isAuthorized}) or, when simple responses are off, an IAM policy.
 *
 * <p>Authorizer events carry {@code methodArn} or {@code routeArn}, which no proxied HTTP request
 * has: that is how they are told apart, and why this route is asked before the HTTP routes.
 */
public class AuthorizerRoute implements EventRoute {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Supplier<LambdaAuthorizer> authorizer;

	private final boolean simpleResponses;

	/**
	 * @param authorizer the app's authorizer, looked up on first use
	 * @param simpleResponses whether payload 2.0 events get a simple response (the HTTP API
	 * authorizer has {@code EnableSimpleResponses}, as deploy creates it) rather than an IAM policy
	 */
	public AuthorizerRoute(Supplier<LambdaAuthorizer> authorizer, boolean simpleResponses) {
		this.authorizer = authorizer;
		this.simpleResponses = simpleResponses;
	}

	@Override
	public String name() {
		return "lambda-authorizer";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return kind(event.json()) != null;
	}

	static AuthorizerRequest.Kind kind(JsonNode json) {
		String type = json.path("type").asString("");
		if ("TOKEN".equals(type) && json.path("methodArn").isString()) {
			return AuthorizerRequest.Kind.REST_TOKEN;
		}
		if ("REQUEST".equals(type) && json.path("routeArn").isString() && "2.0".equals(json.path("version").asString(""))) {
			return AuthorizerRequest.Kind.HTTP_API_V2;
		}
		if ("REQUEST".equals(type) && json.path("methodArn").isString()) {
			return AuthorizerRequest.Kind.REST_REQUEST;
		}
		return null;
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode json = event.json();
		AuthorizerRequest.Kind kind = kind(json);
		String resourceArn = json.path((kind == AuthorizerRequest.Kind.HTTP_API_V2) ? "routeArn" : "methodArn").asString();
		Map<String, String> headers = strings(json.path("headers"));
		AuthorizerRequest request = new AuthorizerRequest(kind, token(kind, json, headers), resourceArn, headers,
				strings(json.path("queryStringParameters")), json);
		AuthorizerDecision decision = this.authorizer.get().authorize(request);
		if (decision == null) {
			throw new IllegalStateException("The Lambda authorizer bean returned no decision for " + resourceArn
					+ ": return AuthorizerDecision.allow(…) or AuthorizerDecision.deny(…)");
		}
		ObjectNode response = (kind == AuthorizerRequest.Kind.HTTP_API_V2 && this.simpleResponses)
				? simpleResponse(decision) : policyResponse(decision, resourceArn);
		output.write(JSON.writeValueAsBytes(response));
		output.flush();
	}

	private static String token(AuthorizerRequest.Kind kind, JsonNode json, Map<String, String> headers) {
		if (kind == AuthorizerRequest.Kind.REST_TOKEN) {
			return json.path("authorizationToken").asString(null);
		}
		JsonNode identitySource = json.path("identitySource");
		if (identitySource.isArray() && !identitySource.isEmpty()) {
			return identitySource.get(0).asString(null);
		}
		return headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase("Authorization"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/** HTTP API payload 2.0 with simple responses. */
	private static ObjectNode simpleResponse(AuthorizerDecision decision) {
		ObjectNode out = JSON.createObjectNode();
		out.put("isAuthorized", decision.allowed());
		out.set("context", JSON.valueToTree(decision.context()));
		return out;
	}

	/** The IAM policy response of REST API authorizers (and HTTP API ones without simple responses). */
	private static ObjectNode policyResponse(AuthorizerDecision decision, String resourceArn) {
		ObjectNode out = JSON.createObjectNode();
		out.put("principalId", (decision.principalId() != null) ? decision.principalId() : "anonymous");
		ObjectNode policy = out.putObject("policyDocument");
		policy.put("Version", "2012-10-17");
		ObjectNode statement = policy.putArray("Statement").addObject();
		statement.put("Action", "execute-api:Invoke");
		statement.put("Effect", decision.allowed() ? "Allow" : "Deny");
		statement.put("Resource", resourceArn);
		if (!decision.context().isEmpty()) {
			out.set("context", JSON.valueToTree(decision.context()));
		}
		return out;
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> values = new LinkedHashMap<>();
		if (object.isObject()) {
			object.properties().forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString("")));
		}
		return values;
	}

}
