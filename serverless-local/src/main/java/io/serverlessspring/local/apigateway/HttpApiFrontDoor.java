package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.apigateway.HttpApiModel.Api;
import io.serverlessspring.local.apigateway.HttpApiModel.Domain;
import io.serverlessspring.local.lambda.HttpEventV2;
import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Serves HTTP APIs: {@code http://127.0.0.1:<port>/_aws/execute-api/<api-id>/<stage>/<path>} (stage
 * {@code $default}: no stage segment), {@code Host: <api-id>.execute-api.localhost}, or a custom
 * domain name's {@code Host} through its API mappings. Picks the most specific route, sends the
 * Lambda proxy integration the payload 2.0 event and turns the answer into HTTP, as API Gateway does.
 * A route's JWT or Lambda authorizer is enforced first ({@link HttpRouteGuard}).
 */
final class HttpApiFrontDoor implements FrontDoor {

	private static final System.Logger log = System.getLogger(HttpApiFrontDoor.class.getName());

	static final String PATH_PREFIX = "/_aws/execute-api/";

	private final HttpApiService apis;

	private final LocalContext context;

	private final AuthorizerCache authorizerCache = new AuthorizerCache();

	HttpApiFrontDoor(HttpApiService apis, LocalContext context) {
		this.apis = apis;
		this.context = context;
	}

	@Override
	public boolean isPublic() {
		return true;
	}

	/** Its custom domain names (CreateDomainName), reached with {@code Host: <domain>}. */
	@Override
	public boolean answersHost(String host) {
		synchronized (this.apis) {
			return this.apis.model.domains.containsKey(host);
		}
	}

	@Override
	public boolean accepts(AwsRequest request) {
		if (request.rawPath().startsWith(PATH_PREFIX) || request.host().contains(".execute-api.")) {
			return true;
		}
		return answersHost(request.host());
	}

	/** Where a request lands: API, stage, the path the event carries, the path routes match. */
	private record Landing(Api api, ObjectNode stage, String domainName, String rawPath, String routePath) {
	}

	@Override
	public AwsResponse serve(AwsRequest request) {
		Landing landing;
		ObjectNode route;
		ObjectNode integration;
		ObjectNode authorizer;
		Map<String, String> pathParameters = new LinkedHashMap<>();
		synchronized (this.apis) {
			landing = land(request);
			if (landing == null) {
				return LambdaProxy.message(404, "Not Found");
			}
			if (isPreflight(request) && landing.api().api.has("corsConfiguration")) {
				return cors(preflight(request, landing.api().api.get("corsConfiguration")), request, landing.api());
			}
			route = route(landing.api(), request.method(), landing.routePath(), pathParameters);
			if (route == null) {
				return LambdaProxy.message(404, "Not Found");
			}
			String target = route.path("target").asString("").replaceFirst("^integrations/", "");
			integration = landing.api().integrations.get(target);
			if (integration == null) {
				return LambdaProxy.message(500, "Internal Server Error");
			}
			integration = integration.deepCopy();
			route = route.deepCopy();
			ObjectNode stored = landing.api().authorizers.get(route.path("authorizerId").asString(""));
			authorizer = (stored != null) ? stored.deepCopy() : null;
		}
		return cors(invoke(request, landing, route, integration, authorizer, pathParameters), request, landing.api());
	}

	private Landing land(AwsRequest request) {
		String host = request.host();
		Domain domain = this.apis.model.domains.get(host);
		if (domain != null) {
			return landOnDomain(request, domain);
		}
		String apiId;
		String rest;
		String domainName;
		if (request.rawPath().startsWith(PATH_PREFIX)) {
			String tail = request.rawPath().substring(PATH_PREFIX.length());
			int slash = tail.indexOf('/');
			apiId = (slash < 0) ? tail : tail.substring(0, slash);
			rest = (slash < 0) ? "/" : tail.substring(slash);
			domainName = apiId + ".execute-api.localhost";
		}
		else {
			apiId = host.substring(0, host.indexOf('.'));
			rest = request.rawPath();
			domainName = host;
		}
		Api api = this.apis.model.apis.get(apiId);
		if (api == null) {
			return null;
		}
		// a stage named by the first segment wins; otherwise the $default stage serves the whole path
		String first = rest.substring(1).split("/", 2)[0];
		ObjectNode stage = first.isEmpty() ? null : api.stages.get(first);
		if (stage != null && !first.equals("$default")) {
			String routePath = rest.substring(1 + first.length());
			return new Landing(api, stage, domainName, rest, routePath.isEmpty() ? "/" : routePath);
		}
		stage = api.stages.get("$default");
		return (stage != null) ? new Landing(api, stage, domainName, rest, rest) : null;
	}

	private Landing landOnDomain(AwsRequest request, Domain domain) {
		String path = request.rawPath();
		ObjectNode best = null;
		for (ObjectNode mapping : domain.mappings.values()) {
			String key = mapping.path("apiMappingKey").asString("");
			boolean matches = key.isEmpty() || path.equals("/" + key) || path.startsWith("/" + key + "/");
			if (matches && (best == null || key.length() > best.path("apiMappingKey").asString("").length())) {
				best = mapping;
			}
		}
		if (best == null) {
			return null;
		}
		Api api = this.apis.model.apis.get(best.path("apiId").asString());
		ObjectNode stage = (api != null) ? api.stages.get(best.path("stage").asString()) : null;
		if (stage == null) {
			return null;
		}
		String key = best.path("apiMappingKey").asString("");
		String routePath = key.isEmpty() ? path : path.substring(1 + key.length());
		return new Landing(api, stage, request.host(), path, routePath.isEmpty() ? "/" : routePath);
	}

	/**
	 * The most specific route for the request, as API Gateway chooses: full literal matches before
	 * path variables before greedy variables, a method before {@code ANY}, then {@code $default}.
	 */
	static ObjectNode route(Api api, String method, String path, Map<String, String> pathParameters) {
		ObjectNode best = null;
		long bestScore = -1;
		Map<String, String> bestParameters = null;
		for (ObjectNode route : api.routes.values()) {
			String key = route.path("routeKey").asString();
			if (key.equals("$default")) {
				continue;
			}
			int space = key.indexOf(' ');
			String routeMethod = key.substring(0, space);
			if (!routeMethod.equals("ANY") && !routeMethod.equals(method)) {
				continue;
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			long score = PathTemplates.match(key.substring(space + 1), path, parameters, false);
			if (score < 0) {
				continue;
			}
			score = score * 2 + (routeMethod.equals("ANY") ? 0 : 1);
			if (score > bestScore) {
				best = route;
				bestScore = score;
				bestParameters = parameters;
			}
		}
		if (best == null) {
			for (ObjectNode route : api.routes.values()) {
				if (route.path("routeKey").asString().equals("$default")) {
					return route;
				}
			}
			return null;
		}
		pathParameters.putAll(bestParameters);
		return best;
	}

	private AwsResponse invoke(AwsRequest request, Landing landing, ObjectNode route, ObjectNode integration,
			ObjectNode authorizer, Map<String, String> pathParameters) {
		Map<String, String> stageVariables = Json.stringMap(landing.stage(), "stageVariables");
		String version = integration.path("payloadFormatVersion").asString("2.0");
		HttpEventV2.Origin origin = new HttpEventV2.Origin(landing.api().api.path("apiId").asString(), landing.domainName(),
				landing.stage().path("stageName").asString(), route.path("routeKey").asString(), pathParameters,
				stageVariables, null);
		Function<String, ObjectNode> proxyEvent = (v) -> "1.0".equals(v)
				? RestEventV1.event(request, landing.rawPath(), route.path("routeKey").asString(), origin, this.context.accountId())
				: HttpEventV2.event(request, landing.rawPath(), origin, this.context.accountId());
		HttpRouteGuard.Target guarded = new HttpRouteGuard.Target(origin.apiId(), origin.stage(), request.method(),
				landing.routePath(), stageVariables);
		HttpRouteGuard.Decision decision = HttpRouteGuard.check(this.context, this.authorizerCache, request, route, authorizer,
				guarded, version, proxyEvent);
		if (decision.refusal() != null) {
			return decision.refusal();
		}
		if (!"AWS_PROXY".equals(integration.path("integrationType").asString())) {
			log.log(Level.WARNING, "Integration type " + integration.path("integrationType").asString() + " is not served locally");
			return LambdaProxy.message(500, "Internal Server Error");
		}
		String functionArn = LambdaProxy.functionArn(integration.path("integrationUri").asString(), stageVariables);
		if (functionArn == null) {
			return LambdaProxy.message(500, "Internal Server Error");
		}
		LambdaService lambda = this.context.service(LambdaService.class);
		InvokedFunction target;
		try {
			if (!lambda.allowsInvocationBy(functionArn, "apigateway.amazonaws.com")) {
				log.log(Level.WARNING, "API " + landing.api().api.path("apiId").asString() + " may not invoke " + functionArn
						+ ": its resource policy has no statement for apigateway.amazonaws.com (lambda add-permission)");
				return LambdaProxy.message(500, "Internal Server Error");
			}
			target = lambda.target(functionArn, null);
		}
		catch (AwsException ex) {
			log.log(Level.WARNING, "API integration cannot invoke " + functionArn + ": " + ex.getMessage());
			return LambdaProxy.message(500, "Internal Server Error");
		}
		ObjectNode event = proxyEvent.apply(version);
		if (decision.authorizer() != null) {
			event.withObject("requestContext").set("authorizer", decision.authorizer());
		}
		RuntimeInvocationResult result;
		try {
			result = lambda.invoker().invoke(target, Json.bytes(event), null);
		}
		catch (AwsException refused) {
			return LambdaProxy.refused(refused, "Request Entity Too Large");
		}
		if (result.failed()) {
			return LambdaProxy.message(500, "Internal Server Error");
		}
		return "1.0".equals(version) ? RestEventV1.response(result) : HttpEventV2.response(result, 500);
	}

	private static boolean isPreflight(AwsRequest request) {
		return "OPTIONS".equals(request.method()) && request.header("Origin") != null
				&& request.header("Access-Control-Request-Method") != null;
	}

	private static AwsResponse preflight(AwsRequest request, JsonNode cors) {
		AwsResponse response = AwsResponse.empty(204);
		response.header("Access-Control-Allow-Methods", join(cors.path("allowMethods"), "*"));
		response.header("Access-Control-Allow-Headers", join(cors.path("allowHeaders"), request.header("Access-Control-Request-Headers")));
		if (cors.has("maxAge")) {
			response.header("Access-Control-Max-Age", cors.path("maxAge").asString());
		}
		return response;
	}

	/** Adds the API's CORS headers to an answer to a cross-origin request. */
	private AwsResponse cors(AwsResponse response, AwsRequest request, Api api) {
		JsonNode cors = api.api.get("corsConfiguration");
		String origin = request.header("Origin");
		if (cors == null || origin == null) {
			return response;
		}
		boolean allowed = false;
		for (JsonNode allowedOrigin : cors.path("allowOrigins")) {
			allowed |= allowedOrigin.asString().equals("*") || allowedOrigin.asString().equalsIgnoreCase(origin);
		}
		if (allowed) {
			response.header("Access-Control-Allow-Origin", cors.path("allowOrigins").toString().contains("\"*\"") ? "*" : origin);
			if (cors.path("allowCredentials").asBoolean(false)) {
				response.header("Access-Control-Allow-Credentials", "true");
			}
			if (cors.has("exposeHeaders")) {
				response.header("Access-Control-Expose-Headers", join(cors.path("exposeHeaders"), null));
			}
		}
		return response;
	}

	private static String join(JsonNode values, String fallback) {
		if (!values.isArray() || values.isEmpty()) {
			return fallback;
		}
		StringBuilder joined = new StringBuilder();
		values.forEach((v) -> joined.append(joined.length() > 0 ? "," : "").append(v.asString()));
		return joined.toString();
	}

}
