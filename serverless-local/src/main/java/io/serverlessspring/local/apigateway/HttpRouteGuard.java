package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * An HTTP API route's authorization, enforced before the integration runs, as API Gateway does: a JWT
 * authorizer (claims checked by {@link JwtClaims}, no signature check) or a Lambda REQUEST authorizer
 * (payload 1.0 or 2.0, IAM policy or simple response). {@code AWS_IAM} routes are not checked locally.
 */
final class HttpRouteGuard {

	private static final System.Logger log = System.getLogger(HttpRouteGuard.class.getName());

	/**
	 * @param refusal API Gateway's answer when the request may not pass, else null
	 * @param authorizer what the function's event carries as {@code requestContext.authorizer}, or null
	 */
	record Decision(AwsResponse refusal, ObjectNode authorizer) {

		static Decision refuse(int status, String message) {
			return new Decision(LambdaProxy.message(status, message), null);
		}

	}

	/** Where the request goes: what authorizer events and ARNs name. */
	record Target(String apiId, String stage, String method, String path, Map<String, String> stageVariables) {
	}

	private HttpRouteGuard() {
	}

	/**
	 * @param authorizer the route's authorizer (a copy), or null
	 * @param integrationVersion the integration's payload format ({@code 1.0} events carry JWT claims one level up)
	 * @param proxyEvent the proxy event of a payload format version, for a Lambda authorizer's event
	 */
	static Decision check(LocalContext context, AuthorizerCache cache, AwsRequest request, ObjectNode route, ObjectNode authorizer,
			Target target, String integrationVersion, Function<String, ObjectNode> proxyEvent) {
		String type = route.path("authorizationType").asString("NONE");
		if (!type.equals("JWT") && !type.equals("CUSTOM")) {
			return new Decision(null, null);
		}
		if (authorizer == null) {
			log.log(Level.WARNING, "Route " + route.path("routeKey").asString() + " has authorization " + type
					+ " but its authorizer " + route.path("authorizerId").asString("(none)") + " does not exist");
			return Decision.refuse(500, "Internal Server Error");
		}
		List<String> sources = Json.stringList(authorizer, "identitySource");
		List<String> identities = LambdaAuthorizerCall.identities(request, sources, target.stageVariables(), target.stage());
		if (identities == null || (type.equals("JWT") && identities.isEmpty())) {
			return Decision.refuse(401, "Unauthorized");
		}
		return type.equals("JWT") ? jwt(context, route, authorizer, identities.get(0), integrationVersion)
				: lambda(context, cache, authorizer, target, identities, proxyEvent);
	}

	private static Decision jwt(LocalContext context, ObjectNode route, ObjectNode authorizer, String token, String integrationVersion) {
		ObjectNode claims = JwtClaims.decode(token);
		if (claims == null) {
			log.log(Level.INFO, "JWT authorizer " + authorizer.path("name").asString() + ": the identity is no JWT");
			return Decision.refuse(401, "Unauthorized");
		}
		JsonNode configuration = authorizer.path("jwtConfiguration");
		String problem = JwtClaims.problem(claims, List.of(configuration.path("issuer").asString("")),
				Json.stringList(configuration, "audience"), context.clock().instant());
		if (problem != null) {
			log.log(Level.INFO, "JWT authorizer " + authorizer.path("name").asString() + " refused the token: " + problem);
			return Decision.refuse(401, "Unauthorized");
		}
		List<String> scopes = JwtClaims.scopes(claims);
		List<String> wanted = Json.stringList(route, "authorizationScopes");
		if (!wanted.isEmpty() && scopes.stream().noneMatch(wanted::contains)) {
			log.log(Level.INFO, "JWT authorizer " + authorizer.path("name").asString() + ": the token has none of the scopes " + wanted);
			return Decision.refuse(403, "Forbidden");
		}
		ObjectNode jwt = Json.object();
		jwt.set("claims", JwtClaims.asStrings(claims));
		jwt.set("scopes", scopes.isEmpty() ? null : Json.tree(scopes));
		if ("1.0".equals(integrationVersion)) {
			return new Decision(null, jwt);
		}
		ObjectNode authorizerNode = Json.object();
		authorizerNode.set("jwt", jwt);
		return new Decision(null, authorizerNode);
	}

	private static Decision lambda(LocalContext context, AuthorizerCache cache, ObjectNode authorizer, Target target,
			List<String> identities, Function<String, ObjectNode> proxyEvent) {
		String version = authorizer.path("authorizerPayloadFormatVersion").asString("2.0");
		String arn = "arn:aws:execute-api:" + context.region() + ":" + context.accountId() + ":" + target.apiId() + "/"
				+ target.stage() + "/" + target.method() + target.path();
		ObjectNode head = Json.object();
		head.put("version", version);
		head.put("type", "REQUEST");
		if ("1.0".equals(version)) {
			head.put("methodArn", arn);
			head.put("identitySource", String.join(",", identities));
			head.put("authorizationToken", String.join(",", identities));
		}
		else {
			head.put("routeArn", arn);
			head.set("identitySource", Json.tree(identities));
		}
		ObjectNode event = LambdaAuthorizerCall.event(head, proxyEvent.apply(version));
		boolean simple = authorizer.path("enableSimpleResponses").asBoolean(false);
		AuthorizerCache.Use caching = AuthorizerCache.Use.of(cache, target.apiId() + "\n" + authorizer, identities,
				authorizer.path("authorizerResultTtlInSeconds").asInt(0));
		LambdaAuthorizerCall.Outcome outcome = LambdaAuthorizerCall.call(context, authorizer.path("authorizerUri").asString(),
				target.stageVariables(), authorizer.hasNonNull("authorizerCredentialsArn"), event, arn, simple, caching);
		return switch (outcome.kind()) {
			case ALLOW -> {
				ObjectNode authorizerNode = Json.object();
				authorizerNode.set("lambda", (outcome.context() != null && outcome.context().isObject()) ? outcome.context() : Json.object());
				yield new Decision(null, authorizerNode);
			}
			case UNAUTHORIZED -> Decision.refuse(401, "Unauthorized");
			case EXPLICIT_DENY, IMPLICIT_DENY -> Decision.refuse(403, "Forbidden");
			case FAILURE -> Decision.refuse(500, "Internal Server Error");
		};
	}

}
