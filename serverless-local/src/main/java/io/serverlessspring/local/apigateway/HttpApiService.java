package io.serverlessspring.local.apigateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.apigateway.HttpApiModel.Api;
import io.serverlessspring.local.apigateway.HttpApiModel.Domain;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;

/**
 * API Gateway v2 (rest-json under {@code /v2/}): HTTP APIs, integrations, routes, stages,
 * deployments, custom domain names and API mappings, tags. Stages serve the API's current routes
 * (as with auto-deploy); {@link HttpApiFrontDoor} serves them over HTTP.
 */
public final class HttpApiService implements AwsService, Persistent {

	private final RestRouter router = new RestRouter("NotFoundException");

	HttpApiModel model = new HttpApiModel();

	LocalContext context;

	private HttpApiFrontDoor frontDoor;

	/** WebSocket APIs' front door, on its own port: started with the first WEBSOCKET API (no cost until then). */
	private WebSocketApiServer webSockets;

	public HttpApiService() {
		String api = "/v2/apis/{apiId}";
		this.router
			.add("POST", "/v2/apis", (r, p) -> createApi(r))
			.add("GET", "/v2/apis", (r, p) -> list(this.model.apis.values().stream().map((a) -> a.api).toList()))
			.add("GET", api, (r, p) -> AwsResponse.json(200, api(p.get("apiId")).api))
			.add("PATCH", api, (r, p) -> updateApi(r, api(p.get("apiId"))))
			.add("DELETE", api, (r, p) -> deleteApi(p.get("apiId")))
			.add("DELETE", api + "/cors", (r, p) -> {
				api(p.get("apiId")).api.remove("corsConfiguration");
				return AwsResponse.empty(204);
			})
			.add("POST", api + "/integrations", (r, p) -> createIntegration(r, api(p.get("apiId"))))
			.add("GET", api + "/integrations", (r, p) -> list(api(p.get("apiId")).integrations.values()))
			.add("GET", api + "/integrations/{integrationId}", (r, p) -> AwsResponse.json(200, child(api(p.get("apiId")).integrations, p.get("integrationId"), "Integration")))
			.add("PATCH", api + "/integrations/{integrationId}", (r, p) -> patch(r, child(api(p.get("apiId")).integrations, p.get("integrationId"), "Integration"), List.of("integrationId")))
			.add("DELETE", api + "/integrations/{integrationId}", (r, p) -> remove(api(p.get("apiId")).integrations, p.get("integrationId"), "Integration"))
			.add("POST", api + "/routes", (r, p) -> createRoute(r, api(p.get("apiId"))))
			.add("GET", api + "/routes", (r, p) -> list(api(p.get("apiId")).routes.values()))
			.add("GET", api + "/routes/{routeId}", (r, p) -> AwsResponse.json(200, child(api(p.get("apiId")).routes, p.get("routeId"), "Route")))
			.add("PATCH", api + "/routes/{routeId}", (r, p) -> patch(r, child(api(p.get("apiId")).routes, p.get("routeId"), "Route"), List.of("routeId")))
			.add("DELETE", api + "/routes/{routeId}", (r, p) -> remove(api(p.get("apiId")).routes, p.get("routeId"), "Route"))
			.add("POST", api + "/stages", (r, p) -> createStage(r, api(p.get("apiId"))))
			.add("GET", api + "/stages", (r, p) -> list(api(p.get("apiId")).stages.values()))
			.add("GET", api + "/stages/{stageName}", (r, p) -> AwsResponse.json(200, child(api(p.get("apiId")).stages, p.get("stageName"), "Stage")))
			.add("PATCH", api + "/stages/{stageName}", (r, p) -> patch(r, child(api(p.get("apiId")).stages, p.get("stageName"), "Stage"), List.of("stageName")))
			.add("DELETE", api + "/stages/{stageName}", (r, p) -> remove(api(p.get("apiId")).stages, p.get("stageName"), "Stage"))
			.add("DELETE", api + "/stages/{stageName}/accesslogsettings", (r, p) -> {
				child(api(p.get("apiId")).stages, p.get("stageName"), "Stage").remove("accessLogSettings");
				return AwsResponse.empty(204);
			})
			.add("POST", api + "/authorizers", (r, p) -> createAuthorizer(r, api(p.get("apiId"))))
			.add("GET", api + "/authorizers", (r, p) -> list(api(p.get("apiId")).authorizers.values()))
			.add("GET", api + "/authorizers/{authorizerId}", (r, p) -> AwsResponse.json(200, child(api(p.get("apiId")).authorizers, p.get("authorizerId"), "Authorizer")))
			.add("PATCH", api + "/authorizers/{authorizerId}", (r, p) -> updateAuthorizer(r, child(api(p.get("apiId")).authorizers, p.get("authorizerId"), "Authorizer")))
			.add("DELETE", api + "/authorizers/{authorizerId}", (r, p) -> remove(api(p.get("apiId")).authorizers, p.get("authorizerId"), "Authorizer"))
			.add("POST", api + "/deployments", (r, p) -> createDeployment(r, api(p.get("apiId"))))
			.add("GET", api + "/deployments", (r, p) -> list(api(p.get("apiId")).deployments.values()))
			.add("GET", api + "/deployments/{deploymentId}", (r, p) -> AwsResponse.json(200, child(api(p.get("apiId")).deployments, p.get("deploymentId"), "Deployment")))
			.add("POST", "/v2/domainnames", (r, p) -> createDomain(r))
			.add("GET", "/v2/domainnames", (r, p) -> list(this.model.domains.values().stream().map((d) -> d.domain).toList()))
			.add("GET", "/v2/domainnames/{domainName}", (r, p) -> AwsResponse.json(200, domain(p.get("domainName")).domain))
			.add("DELETE", "/v2/domainnames/{domainName}", (r, p) -> deleteDomain(p.get("domainName")))
			.add("POST", "/v2/domainnames/{domainName}/apimappings", (r, p) -> createMapping(r, domain(p.get("domainName"))))
			.add("GET", "/v2/domainnames/{domainName}/apimappings", (r, p) -> list(domain(p.get("domainName")).mappings.values()))
			.add("GET", "/v2/domainnames/{domainName}/apimappings/{apiMappingId}", (r, p) -> AwsResponse.json(200, child(domain(p.get("domainName")).mappings, p.get("apiMappingId"), "ApiMapping")))
			.add("PATCH", "/v2/domainnames/{domainName}/apimappings/{apiMappingId}", (r, p) -> patch(r, child(domain(p.get("domainName")).mappings, p.get("apiMappingId"), "ApiMapping"), List.of("apiMappingId")))
			.add("DELETE", "/v2/domainnames/{domainName}/apimappings/{apiMappingId}", (r, p) -> remove(domain(p.get("domainName")).mappings, p.get("apiMappingId"), "ApiMapping"))
			.add("POST", "/v2/tags/{resourceArn}", (r, p) -> tag(r, p.get("resourceArn")))
			.add("GET", "/v2/tags/{resourceArn}", (r, p) -> tags(p.get("resourceArn")))
			.add("DELETE", "/v2/tags/{resourceArn}", (r, p) -> untag(r, p.get("resourceArn")));
	}

	@Override
	public String signingName() {
		return "apigateway";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_JSON;
	}

	/** API Gateway v1 shares the signing name: v2 is everything under {@code /v2/}. */
	@Override
	public boolean accepts(AwsRequest request) {
		return request.rawPath().startsWith("/v2/");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.frontDoor = new HttpApiFrontDoor(this, context);
		// APIs loaded from saved state: the endpoint follows this run's port
		this.model.apis.forEach((id, api) -> api.api.put("apiEndpoint", apiEndpoint(id, api.api.path("protocolType").asString())));
	}

	/** The WebSocket front door, or {@code null} before the first WEBSOCKET API. */
	synchronized WebSocketApiServer webSockets() {
		return this.webSockets;
	}

	@Override
	public synchronized void close() {
		if (this.webSockets != null) {
			this.webSockets.shutdown();
		}
	}

	@Override
	public List<FrontDoor> frontDoors() {
		return List.of(this.frontDoor);
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		return this.router.route(request);
	}

	/** The public base URL of an API: stage {@code $default} at its root, others under {@code /<stage>}. */
	String apiEndpoint(String apiId) {
		return this.context.endpoint() + HttpApiFrontDoor.PATH_PREFIX + apiId;
	}

	/**
	 * An API's endpoint by protocol: WebSocket APIs are {@code ws://127.0.0.1:<ws-port>/<api-id>}
	 * (clients connect to {@code <endpoint>/<stage>}, as to {@code wss://<id>.execute-api…/<stage>}).
	 */
	private String apiEndpoint(String apiId, String protocol) {
		if (!"WEBSOCKET".equals(protocol)) {
			return apiEndpoint(apiId);
		}
		if (this.webSockets == null) {
			this.webSockets = WebSocketApiServer.start(this, this.context);
		}
		return this.webSockets.endpoint() + "/" + apiId;
	}

	private AwsResponse createApi(AwsRequest request) {
		ObjectNode in = request.json();
		String name = Json.required(in, "name", "BadRequestException");
		String protocol = in.path("protocolType").asString("");
		if (!protocol.equals("HTTP") && !protocol.equals("WEBSOCKET")) {
			throw AwsException.badRequest("BadRequestException", "Invalid protocolType specified: '" + protocol + "'. Must be HTTP or WEBSOCKET");
		}
		if (protocol.equals("WEBSOCKET") && !in.hasNonNull("routeSelectionExpression")) {
			throw AwsException.badRequest("BadRequestException", "Route selection expression is required for WEBSOCKET APIs");
		}
		String id = newId(10);
		ObjectNode api = Json.object();
		api.put("apiId", id);
		api.put("name", name);
		api.put("protocolType", protocol);
		api.put("apiEndpoint", apiEndpoint(id, protocol));
		api.put("apiKeySelectionExpression", in.path("apiKeySelectionExpression").asString("$request.header.x-api-key"));
		api.put("routeSelectionExpression", in.path("routeSelectionExpression").asString("$request.method $request.path"));
		api.put("createdDate", isoNow());
		api.put("disableExecuteApiEndpoint", in.path("disableExecuteApiEndpoint").asBoolean(false));
		copy(in, api, "description", "version", "corsConfiguration");
		api.set("tags", in.has("tags") ? in.get("tags") : Json.object());
		Api entry = new Api();
		entry.api = api;
		this.model.apis.put(id, entry);
		if (in.hasNonNull("target")) {
			quickCreate(entry, in);
		}
		return AwsResponse.json(201, api);
	}

	/** {@code target} on CreateApi: a Lambda proxy integration, a route and an auto-deployed $default stage. */
	private void quickCreate(Api api, ObjectNode in) {
		ObjectNode integration = Json.object();
		integration.put("integrationType", "AWS_PROXY");
		integration.put("integrationUri", Json.string(in, "target"));
		integration.put("payloadFormatVersion", "2.0");
		String integrationId = addIntegration(api, integration);
		ObjectNode route = Json.object();
		route.put("routeKey", in.path("routeKey").asString("$default"));
		route.put("target", "integrations/" + integrationId);
		addRoute(api, route);
		ObjectNode stage = Json.object();
		stage.put("stageName", "$default");
		stage.put("autoDeploy", true);
		addStage(api, stage);
	}

	private AwsResponse updateApi(AwsRequest request, Api api) {
		ObjectNode in = request.json();
		copy(in, api.api, "name", "description", "version", "corsConfiguration", "disableExecuteApiEndpoint",
				"routeSelectionExpression");
		return AwsResponse.json(200, api.api);
	}

	private AwsResponse deleteApi(String apiId) {
		api(apiId);
		this.model.apis.remove(apiId);
		if (this.webSockets != null) {
			this.webSockets.closeApi(apiId);
		}
		return AwsResponse.empty(204);
	}

	private AwsResponse createIntegration(AwsRequest request, Api api) {
		ObjectNode in = request.json();
		String type = Json.required(in, "integrationType", "BadRequestException");
		if (!List.of("AWS_PROXY", "HTTP_PROXY", "MOCK", "AWS", "HTTP").contains(type)) {
			throw AwsException.badRequest("BadRequestException", "Invalid integration type specified: " + type);
		}
		if ("AWS_PROXY".equals(type)) {
			String uri = Json.required(in, "integrationUri", "BadRequestException");
			if (!uri.contains(":lambda:") && !uri.startsWith("arn:aws:lambda:")) {
				throw AwsException.badRequest("BadRequestException", "Invalid integration URI specified: " + uri);
			}
			String version = in.path("payloadFormatVersion").asString(webSocket(api) ? "1.0" : "");
			if (webSocket(api) && !version.equals("1.0")) {
				throw AwsException.badRequest("BadRequestException", "WebSocket APIs support payload format version 1.0 only");
			}
			if (!version.equals("1.0") && !version.equals("2.0")) {
				throw AwsException.badRequest("BadRequestException",
						"Payload format version must be specified for AWS_PROXY integrations: 1.0 or 2.0");
			}
		}
		ObjectNode integration = in.deepCopy();
		if (webSocket(api) && "AWS_PROXY".equals(type)) {
			integration.put("payloadFormatVersion", "1.0");
		}
		String id = addIntegration(api, integration);
		return AwsResponse.json(201, api.integrations.get(id));
	}

	private String addIntegration(Api api, ObjectNode integration) {
		String id = newId(7);
		integration.put("integrationId", id);
		integration.put("connectionType", integration.path("connectionType").asString("INTERNET"));
		integration.put("timeoutInMillis", integration.path("timeoutInMillis").asInt(30000));
		if (!integration.has("integrationMethod") && "AWS_PROXY".equals(integration.path("integrationType").asString())) {
			integration.put("integrationMethod", "POST");
		}
		integration.put("apiGatewayManaged", false);
		api.integrations.put(id, integration);
		return id;
	}

	private AwsResponse createRoute(AwsRequest request, Api api) {
		ObjectNode in = request.json();
		String routeKey = Json.required(in, "routeKey", "BadRequestException");
		if (webSocket(api)) {
			if (routeKey.startsWith("$") && !List.of("$connect", "$disconnect", "$default").contains(routeKey)
					|| routeKey.isBlank() || routeKey.length() > 128) {
				throw AwsException.badRequest("BadRequestException", "Unable to create route " + routeKey
						+ ". WebSocket route keys are $connect, $disconnect, $default or a custom key not starting with $");
			}
		}
		else if (!routeKey.equals("$default") && !routeKey.matches("(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S*")) {
			throw AwsException.badRequest("BadRequestException", "Unable to create route " + routeKey
					+ ". The route key must be '$default' or an HTTP method followed by a path, e.g. 'GET /pets'");
		}
		for (ObjectNode existing : api.routes.values()) {
			if (existing.path("routeKey").asString().equals(routeKey)) {
				throw AwsException.conflict("ConflictException", "Unable to complete operation due to concurrent modification. Please try again later.");
			}
		}
		String target = Json.string(in, "target");
		if (target != null && !api.integrations.containsKey(target.replaceFirst("^integrations/", ""))) {
			throw AwsException.badRequest("BadRequestException", "Invalid integration identifier specified: " + target);
		}
		String id = addRoute(api, in.deepCopy());
		return AwsResponse.json(201, api.routes.get(id));
	}

	private String addRoute(Api api, ObjectNode route) {
		String id = newId(7);
		route.put("routeId", id);
		route.put("authorizationType", route.path("authorizationType").asString("NONE"));
		route.put("apiKeyRequired", route.path("apiKeyRequired").asBoolean(false));
		route.put("apiGatewayManaged", false);
		api.routes.put(id, route);
		return id;
	}

	private AwsResponse createAuthorizer(AwsRequest request, Api api) {
		ObjectNode authorizer = request.json().deepCopy();
		Json.required(authorizer, "name", "BadRequestException");
		validateAuthorizer(authorizer);
		String id = newId(6);
		authorizer.put("authorizerId", id);
		api.authorizers.put(id, authorizer);
		return AwsResponse.json(201, authorizer);
	}

	private AwsResponse updateAuthorizer(AwsRequest request, ObjectNode authorizer) {
		ObjectNode updated = authorizer.deepCopy();
		request.json().properties().forEach((e) -> updated.set(e.getKey(), e.getValue()));
		updated.put("authorizerId", authorizer.path("authorizerId").asString());
		validateAuthorizer(updated);
		authorizer.setAll(updated);
		return AwsResponse.json(200, authorizer);
	}

	/** What API Gateway v2 checks of an authorizer: its type and what that type needs. */
	private static void validateAuthorizer(ObjectNode authorizer) {
		String type = authorizer.path("authorizerType").asString("");
		if ("JWT".equals(type)) {
			if (authorizer.path("jwtConfiguration").path("issuer").asString("").isEmpty()) {
				throw AwsException.badRequest("BadRequestException", "JwtConfiguration.Issuer is required for a JWT authorizer");
			}
			if (authorizer.path("identitySource").isEmpty()) {
				throw AwsException.badRequest("BadRequestException", "IdentitySource is required for a JWT authorizer");
			}
		}
		else if ("REQUEST".equals(type)) {
			if (authorizer.path("authorizerUri").asString("").isEmpty()) {
				throw AwsException.badRequest("BadRequestException", "AuthorizerUri is required for a REQUEST authorizer");
			}
			String version = authorizer.path("authorizerPayloadFormatVersion").asString("");
			if (!version.equals("1.0") && !version.equals("2.0")) {
				throw AwsException.badRequest("BadRequestException",
						"AuthorizerPayloadFormatVersion must be 1.0 or 2.0 for a REQUEST authorizer");
			}
			if (authorizer.path("enableSimpleResponses").asBoolean(false) && !version.equals("2.0")) {
				throw AwsException.badRequest("BadRequestException", "EnableSimpleResponses needs AuthorizerPayloadFormatVersion 2.0");
			}
		}
		else {
			throw AwsException.badRequest("BadRequestException", "Invalid authorizer type specified: '" + type + "'. Must be JWT or REQUEST");
		}
	}

	private AwsResponse createStage(AwsRequest request, Api api) {
		ObjectNode in = request.json();
		String name = Json.required(in, "stageName", "BadRequestException");
		if (api.stages.containsKey(name)) {
			throw AwsException.conflict("ConflictException", "Stage already exists");
		}
		addStage(api, in.deepCopy());
		return AwsResponse.json(201, api.stages.get(name));
	}

	private void addStage(Api api, ObjectNode stage) {
		String now = isoNow();
		stage.put("createdDate", now);
		stage.put("lastUpdatedDate", now);
		stage.put("autoDeploy", stage.path("autoDeploy").asBoolean(false));
		if (!stage.has("stageVariables")) {
			stage.set("stageVariables", Json.object());
		}
		if (!stage.has("defaultRouteSettings")) {
			stage.putObject("defaultRouteSettings").put("detailedMetricsEnabled", false);
		}
		stage.set("routeSettings", stage.has("routeSettings") ? stage.get("routeSettings") : Json.object());
		stage.set("tags", stage.has("tags") ? stage.get("tags") : Json.object());
		stage.put("apiGatewayManaged", false);
		api.stages.put(stage.path("stageName").asString(), stage);
	}

	private AwsResponse createDeployment(AwsRequest request, Api api) {
		ObjectNode in = request.json();
		ObjectNode deployment = Json.object();
		String id = newId(6);
		deployment.put("deploymentId", id);
		deployment.put("deploymentStatus", "DEPLOYED");
		deployment.put("createdDate", isoNow());
		deployment.put("autoDeployed", false);
		copy(in, deployment, "description");
		api.deployments.put(id, deployment);
		String stageName = Json.string(in, "stageName");
		if (stageName != null) {
			child(api.stages, stageName, "Stage").put("deploymentId", id);
		}
		return AwsResponse.json(201, deployment);
	}

	private AwsResponse createDomain(AwsRequest request) {
		ObjectNode in = request.json();
		String name = Json.required(in, "domainName", "BadRequestException");
		if (this.model.domains.containsKey(name)) {
			throw AwsException.conflict("ConflictException", "The domain name you provided already exists.");
		}
		ObjectNode domain = Json.object();
		domain.put("domainName", name);
		domain.put("apiMappingSelectionExpression", "$request.basepath");
		ArrayNode configurations = domain.putArray("domainNameConfigurations");
		JsonNode given = in.path("domainNameConfigurations");
		for (JsonNode configuration : given.isArray() && !given.isEmpty() ? given : Json.array().add(Json.object())) {
			ObjectNode copy = configuration.isObject() ? (ObjectNode) configuration.deepCopy() : Json.object();
			copy.put("apiGatewayDomainName", "d-" + newId(10) + ".execute-api." + this.context.region() + ".amazonaws.com");
			copy.put("hostedZoneId", "Z1UJRXOUMOOFQ8");
			copy.put("domainNameStatus", "AVAILABLE");
			copy.put("endpointType", configuration.path("endpointType").asString("REGIONAL"));
			copy.put("securityPolicy", configuration.path("securityPolicy").asString("TLS_1_2"));
			configurations.add(copy);
		}
		domain.set("tags", in.has("tags") ? in.get("tags") : Json.object());
		Domain entry = new Domain();
		entry.domain = domain;
		this.model.domains.put(name, entry);
		return AwsResponse.json(201, domain);
	}

	private AwsResponse deleteDomain(String name) {
		domain(name);
		this.model.domains.remove(name);
		return AwsResponse.empty(204);
	}

	private AwsResponse createMapping(AwsRequest request, Domain domain) {
		ObjectNode in = request.json();
		String apiId = Json.required(in, "apiId", "BadRequestException");
		Api api = api(apiId);
		String stage = Json.required(in, "stage", "BadRequestException");
		child(api.stages, stage, "Stage");
		String key = in.path("apiMappingKey").asString("");
		for (ObjectNode existing : domain.mappings.values()) {
			if (existing.path("apiMappingKey").asString("").equals(key)) {
				throw AwsException.conflict("ConflictException", "ApiMapping for key '" + key + "' already exists for this domain name");
			}
		}
		ObjectNode mapping = Json.object();
		String id = newId(6);
		mapping.put("apiId", apiId);
		mapping.put("apiMappingId", id);
		mapping.put("apiMappingKey", key);
		mapping.put("stage", stage);
		domain.mappings.put(id, mapping);
		return AwsResponse.json(201, mapping);
	}

	private AwsResponse tag(AwsRequest request, String arn) {
		ObjectNode tags = taggable(arn);
		request.json().path("tags").properties().forEach((e) -> tags.set(e.getKey(), e.getValue()));
		return AwsResponse.empty(201);
	}

	private AwsResponse tags(String arn) {
		ObjectNode out = Json.object();
		out.set("tags", taggable(arn));
		return AwsResponse.json(200, out);
	}

	private AwsResponse untag(AwsRequest request, String arn) {
		ObjectNode tags = taggable(arn);
		request.queryParameters().getOrDefault("tagKeys", List.of()).forEach(tags::remove);
		return AwsResponse.empty(204);
	}

	/** Tags of an API ({@code …/apis/<id>}) or domain name ({@code …/domainnames/<name>}). */
	private ObjectNode taggable(String arn) {
		int apis = arn.indexOf("/apis/");
		if (apis >= 0) {
			Api api = api(arn.substring(apis + 6).split("/")[0]);
			if (!(api.api.get("tags") instanceof ObjectNode)) {
				api.api.set("tags", Json.object());
			}
			return (ObjectNode) api.api.get("tags");
		}
		int domains = arn.indexOf("/domainnames/");
		if (domains >= 0) {
			Domain domain = domain(arn.substring(domains + 13).split("/")[0]);
			return (ObjectNode) domain.domain.get("tags");
		}
		throw AwsException.notFound("NotFoundException", "Invalid resource identifier specified " + arn);
	}

	private static boolean webSocket(Api api) {
		return "WEBSOCKET".equals(api.api.path("protocolType").asString());
	}

	Api api(String apiId) {
		Api api = this.model.apis.get(apiId);
		if (api == null) {
			throw AwsException.notFound("NotFoundException", "Invalid API identifier specified " + this.context.accountId() + ":" + apiId);
		}
		return api;
	}

	Domain domain(String name) {
		Domain domain = this.model.domains.get(name);
		if (domain == null) {
			throw AwsException.notFound("NotFoundException", "Invalid domain name identifier specified");
		}
		return domain;
	}

	private static ObjectNode child(Map<String, ObjectNode> children, String id, String kind) {
		ObjectNode child = children.get(id);
		if (child == null) {
			throw AwsException.notFound("NotFoundException", "Invalid " + kind + " identifier specified " + id);
		}
		return child;
	}

	private static AwsResponse remove(Map<String, ObjectNode> children, String id, String kind) {
		child(children, id, kind);
		children.remove(id);
		return AwsResponse.empty(204);
	}

	private AwsResponse patch(AwsRequest request, ObjectNode target, List<String> immutable) {
		for (Map.Entry<String, JsonNode> field : request.json().properties()) {
			if (!immutable.contains(field.getKey())) {
				target.set(field.getKey(), field.getValue());
			}
		}
		if (target.has("lastUpdatedDate")) {
			target.put("lastUpdatedDate", isoNow());
		}
		return AwsResponse.json(200, target);
	}

	private static AwsResponse list(java.util.Collection<ObjectNode> items) {
		ObjectNode out = Json.object();
		ArrayNode array = out.putArray("items");
		items.forEach(array::add);
		return AwsResponse.json(200, out);
	}

	private static void copy(ObjectNode from, ObjectNode to, String... fields) {
		for (String field : fields) {
			if (from.has(field)) {
				to.set(field, from.get(field));
			}
		}
	}

	static String newId(int length) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return id.toString();
	}

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(this.model);
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.model = Json.mapper().treeToValue(state, HttpApiModel.class);
	}

	/** API Gateway v2 renders its dates as ISO-8601 to the second, as AWS sends them. */
	private String isoNow() {
		return this.context.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
	}

}
