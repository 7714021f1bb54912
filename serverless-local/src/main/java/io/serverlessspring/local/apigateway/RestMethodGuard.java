package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * A REST API method's guards, enforced before its integration runs, as API Gateway does: a Lambda
 * authorizer ({@code TOKEN} or {@code REQUEST}, IAM policy answer), a Cognito user-pool authorizer
 * (claims checked by {@link JwtClaims}, no signature check), then a required API key. {@code AWS_IAM}
 * methods are not checked locally. A refusal names its gateway response type, so the API's gateway
 * responses shape it.
 */
final class RestMethodGuard {

	private static final System.Logger log = System.getLogger(RestMethodGuard.class.getName());

	/**
	 * @param status 0 when the request may pass, else API Gateway's status
	 * @param responseType the gateway response type of a refusal
	 * @param message the refusal's message ({@code null}: API Gateway's {@code "message": null})
	 * @param authorizer what the function's event carries as {@code requestContext.authorizer}, or null
	 * @param apiKey the API key the request used, or null
	 * @param apiKeyId its id, or null
	 */
	record Decision(int status, String responseType, String message, ObjectNode authorizer, String apiKey, String apiKeyId) {

		static Decision refuse(int status, String responseType, String message) {
			return new Decision(status, responseType, message, null, null, null);
		}

		boolean allowed() {
			return this.status == 0;
		}

	}

	/** The request's place in the API: what the method ARN names. */
	record Target(String apiId, String stage, String method, String path, Map<String, String> stageVariables) {
	}

	private static final Decision UNAUTHORIZED = Decision.refuse(401, "UNAUTHORIZED", "Unauthorized");

	private RestMethodGuard() {
	}

	/**
	 * @param method the method as the stage's deployment holds it
	 * @param proxyEvent the payload 1.0 proxy event, for a REQUEST authorizer's event
	 */
	static Decision check(LocalContext context, RestApiService apis, AuthorizerCache cache, AwsRequest request, JsonNode method,
			Target target, Supplier<ObjectNode> proxyEvent) {
		String type = method.path("authorizationType").asString("NONE");
		ObjectNode authorizerNode = null;
		String usageKey = null;
		if (type.equals("CUSTOM") || type.equals("COGNITO_USER_POOLS")) {
			ObjectNode authorizer = apis.authorizer(target.apiId(), method.path("authorizerId").asString(null));
			if (authorizer == null) {
				log.log(Level.WARNING, "REST API " + target.apiId() + ": a " + type + " method names no existing authorizer");
				return Decision.refuse(500, "AUTHORIZER_CONFIGURATION_ERROR", null);
			}
			Decision decision = type.equals("CUSTOM") ? lambda(context, cache, request, authorizer, target, proxyEvent)
					: cognito(context, request, authorizer, method, target);
			if (!decision.allowed()) {
				return decision;
			}
			authorizerNode = decision.authorizer();
			usageKey = decision.apiKey();
		}
		if (!method.path("apiKeyRequired").asBoolean(false)) {
			return new Decision(0, null, null, authorizerNode, null, null);
		}
		String key = "AUTHORIZER".equals(apis.apiKeySource(target.apiId())) ? usageKey : request.header("x-api-key");
		String keyId = apis.usableApiKeyId(target.apiId(), target.stage(), key);
		if (keyId == null) {
			return Decision.refuse(403, "INVALID_API_KEY", "Forbidden");
		}
		return new Decision(0, null, null, authorizerNode, key, keyId);
	}

	private static Decision lambda(LocalContext context, AuthorizerCache cache, AwsRequest request, ObjectNode authorizer,
			Target target, Supplier<ObjectNode> proxyEvent) {
		String arn = "arn:aws:execute-api:" + context.region() + ":" + context.accountId() + ":" + target.apiId() + "/"
				+ target.stage() + "/" + target.method() + target.path();
		ObjectNode head = Json.object();
		String authorizerType = authorizer.path("type").asString();
		head.put("type", authorizerType);
		head.put("methodArn", arn);
		List<String> sources = sources(authorizer);
		List<String> identities = LambdaAuthorizerCall.identities(request, sources, target.stageVariables(), target.stage());
		if (identities == null || (authorizerType.equals("TOKEN") && identities.isEmpty())) {
			return UNAUTHORIZED;
		}
		ObjectNode event;
		if (authorizerType.equals("TOKEN")) {
			String expression = authorizer.path("identityValidationExpression").asString("");
			if (!expression.isEmpty() && !identities.get(0).matches(expression)) {
				return UNAUTHORIZED;
			}
			head.put("authorizationToken", identities.get(0));
			event = head;
		}
		else {
			event = LambdaAuthorizerCall.event(head, proxyEvent.get());
		}
		AuthorizerCache.Use caching = AuthorizerCache.Use.of(cache, target.apiId() + "\n" + authorizer, identities,
				authorizer.path("authorizerResultTtlInSeconds").asInt(300));
		LambdaAuthorizerCall.Outcome outcome = LambdaAuthorizerCall.call(context, authorizer.path("authorizerUri").asString(),
				target.stageVariables(), authorizer.hasNonNull("authorizerCredentials"), event, arn, false, caching);
		return switch (outcome.kind()) {
			case ALLOW -> {
				ObjectNode authorizerNode = Json.object();
				if (outcome.principalId() != null) {
					authorizerNode.put("principalId", outcome.principalId());
				}
				authorizerNode.put("integrationLatency", 0);
				if (outcome.context() != null) {
					// REST APIs hand the context on as strings
					outcome.context().properties().forEach((e) -> authorizerNode.put(e.getKey(),
							e.getValue().isContainer() ? Json.text(e.getValue()) : e.getValue().asString()));
				}
				yield new Decision(0, null, null, authorizerNode, outcome.usageIdentifierKey(), null);
			}
			case UNAUTHORIZED -> UNAUTHORIZED;
			case EXPLICIT_DENY -> Decision.refuse(403, "ACCESS_DENIED", "User is not authorized to access this resource with an explicit deny");
			case IMPLICIT_DENY -> Decision.refuse(403, "ACCESS_DENIED", "User is not authorized to access this resource");
			case FAILURE -> Decision.refuse(500, "AUTHORIZER_CONFIGURATION_ERROR", null);
		};
	}

	private static Decision cognito(LocalContext context, AwsRequest request, ObjectNode authorizer, JsonNode method,
			Target target) {
		List<String> identities = LambdaAuthorizerCall.identities(request, sources(authorizer), target.stageVariables(),
				target.stage());
		ObjectNode claims = (identities == null || identities.isEmpty()) ? null : JwtClaims.decode(identities.get(0));
		if (claims == null) {
			return UNAUTHORIZED;
		}
		List<String> issuers = new ArrayList<>();
		Json.stringList(authorizer, "providerARNs").forEach((arn) -> issuers.add(JwtClaims.cognitoIssuer(arn)));
		String problem = JwtClaims.problem(claims, issuers, List.of(), context.clock().instant());
		List<String> wanted = Json.stringList(method, "authorizationScopes");
		if (problem == null && !wanted.isEmpty() && JwtClaims.scopes(claims).stream().noneMatch(wanted::contains)) {
			problem = "the token has none of the scopes " + wanted;
		}
		if (problem != null) {
			log.log(Level.INFO, "Cognito authorizer " + authorizer.path("name").asString() + " refused the token: " + problem);
			return UNAUTHORIZED;
		}
		ObjectNode authorizerNode = Json.object();
		authorizerNode.set("claims", JwtClaims.asStrings(claims));
		return new Decision(0, null, null, authorizerNode, null, null);
	}

	/** A REST authorizer's identity sources: {@code method.request.header.X, method.request.querystring.Y}. */
	private static List<String> sources(ObjectNode authorizer) {
		String sources = authorizer.path("identitySource").asString("");
		return sources.isBlank() ? List.of() : Arrays.stream(sources.split(",")).map(String::trim).toList();
	}

}
