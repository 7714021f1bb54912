package io.serverlessspring.local.apigateway;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
 * API Gateway v1 (rest-json, every path not under {@code /v2/}): REST APIs, resources (incl.
 * {@code {proxy+}}), methods, integrations, method and integration responses, authorizers, gateway
 * responses, deployments, stages (incl. access log settings), API keys, usage plans and their keys, tags; updates by patch operations ({@link RestApiPatches}). Served by {@link RestApiFrontDoor} at
 * {@code http://127.0.0.1:<port>/restapis/<api-id>/<stage>/_user_request_/<path>} for
 * {@code AWS_PROXY} integrations with Lambda (authorizers and required API keys enforced by {@link RestMethodGuard}).
 */
public final class RestApiService implements AwsService, Persistent {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

	private static final Set<String> INTEGRATION_TYPES = Set.of("HTTP", "AWS", "MOCK", "HTTP_PROXY", "AWS_PROXY");

	/** The model: one REST API with its resources (by id), deployments and stages (by name). */
	public static final class RestApi {

		public ObjectNode api;

		public Map<String, ObjectNode> resources = new LinkedHashMap<>();

		public Map<String, ObjectNode> deployments = new LinkedHashMap<>();

		public Map<String, ObjectNode> stages = new LinkedHashMap<>();

		public Map<String, ObjectNode> authorizers = new LinkedHashMap<>();

		/** Gateway responses set by PutGatewayResponse, by response type. */
		public Map<String, ObjectNode> gatewayResponses = new LinkedHashMap<>();

	}

	final Map<String, RestApi> apis = new LinkedHashMap<>();

	private final Map<String, ObjectNode> apiKeys = new LinkedHashMap<>();

	private final Map<String, ObjectNode> usagePlans = new LinkedHashMap<>();

	/** Usage plan id → its keys (UsagePlanKey by key id). */
	private final Map<String, Map<String, ObjectNode>> usagePlanKeys = new LinkedHashMap<>();

	private final RestRouter router = new RestRouter("NotFoundException");

	private LocalContext context;

	private RestApiFrontDoor frontDoor;

	public RestApiService() {
		String api = "/restapis/{restapi_id}";
		String resource = api + "/resources/{resource_id}";
		String method = resource + "/methods/{http_method}";
		this.router.add("POST", "/restapis", (r, p) -> createRestApi(r))
			.add("GET", "/restapis", (r, p) -> items(this.apis.values().stream().map((a) -> a.api).toList()))
			.add("GET", api, (r, p) -> ok(api(p).api))
			.add("DELETE", api, (r, p) -> deleteRestApi(p))
			.add("GET", api + "/resources", (r, p) -> items(api(p).resources.values()))
			.add("POST", resource, (r, p) -> createResource(r, p))
			.add("GET", resource, (r, p) -> ok(resource(p)))
			.add("DELETE", resource, (r, p) -> deleteResource(p))
			.add("PUT", method, (r, p) -> putMethod(r, p))
			.add("GET", method, (r, p) -> ok(method(p)))
			.add("DELETE", method, (r, p) -> deleteMethod(p))
			.add("PUT", method + "/responses/{status_code}", (r, p) -> putMethodResponse(r, p))
			.add("GET", method + "/responses/{status_code}", (r, p) -> ok(child(method(p), "methodResponses", p)))
			.add("DELETE", method + "/responses/{status_code}", (r, p) -> {
				child(method(p), "methodResponses", p);
				method(p).withObject("methodResponses").remove(p.get("status_code"));
				return AwsResponse.empty(204);
			})
			.add("PUT", method + "/integration/responses/{status_code}", (r, p) -> putIntegrationResponse(r, p))
			.add("GET", method + "/integration/responses/{status_code}", (r, p) -> ok(child(integration(p), "integrationResponses", p)))
			.add("DELETE", method + "/integration/responses/{status_code}", (r, p) -> {
				child(integration(p), "integrationResponses", p);
				integration(p).withObject("integrationResponses").remove(p.get("status_code"));
				return AwsResponse.empty(204);
			})
			.add("POST", api + "/authorizers", (r, p) -> createAuthorizer(r, p))
			.add("GET", api + "/authorizers", (r, p) -> items(api(p).authorizers.values()))
			.add("GET", api + "/authorizers/{authorizer_id}", (r, p) -> ok(authorizer(p)))
			.add("PATCH", api + "/authorizers/{authorizer_id}", (r, p) -> {
				ObjectNode updated = authorizer(p).deepCopy();
				RestApiPatches.apply(updated, r.json(), Set.of("name", "type", "identitySource", "authorizerUri",
						"authorizerResultTtlInSeconds", "providerARNs", "authorizerCredentials", "identityValidationExpression"), false);
				validateAuthorizer(updated);
				authorizer(p).setAll(updated);
				return ok(authorizer(p));
			})
			.add("DELETE", api + "/authorizers/{authorizer_id}", (r, p) -> deleteAuthorizer(p))
			.add("PUT", api + "/gatewayresponses/{response_type}", (r, p) -> putGatewayResponse(r, p))
			.add("GET", api + "/gatewayresponses", (r, p) -> items(api(p).gatewayResponses.values()))
			.add("GET", api + "/gatewayresponses/{response_type}", (r, p) -> ok(gatewayResponse(p)))
			.add("DELETE", api + "/gatewayresponses/{response_type}", (r, p) -> {
				gatewayResponse(p);
				api(p).gatewayResponses.remove(p.get("response_type"));
				return AwsResponse.empty(202);
			})
			.add("PUT", method + "/integration", (r, p) -> putIntegration(r, p))
			.add("GET", method + "/integration", (r, p) -> ok(integration(p)))
			.add("DELETE", method + "/integration", (r, p) -> deleteIntegration(p))
			.add("POST", api + "/deployments", (r, p) -> createDeployment(r, p))
			.add("GET", api + "/deployments", (r, p) -> items(api(p).deployments.values()))
			.add("GET", api + "/deployments/{deployment_id}", (r, p) -> ok(deployment(p)))
			.add("POST", api + "/stages", (r, p) -> createStage(r, p))
			.add("GET", api + "/stages", (r, p) -> {
				ObjectNode body = Json.object();
				body.set("item", Json.tree(List.copyOf(api(p).stages.values())));
				return ok(body);
			})
			.add("GET", api + "/stages/{stage_name}", (r, p) -> ok(stage(p)))
			.add("PATCH", api + "/stages/{stage_name}", (r, p) -> {
				ObjectNode stage = stage(p);
				ObjectNode updated = stage.deepCopy();
				RestApiPatches.apply(updated, r.json(), Set.of("description", "variables", "tracingEnabled", "cacheClusterEnabled",
						"cacheClusterSize", "deploymentId", "clientCertificateId", "accessLogSettings"), true);
				if (!api(p).deployments.containsKey(updated.path("deploymentId").asString())) {
					throw badRequest("Invalid deployment identifier specified");
				}
				updated.put("lastUpdatedDate", now());
				stage.removeAll();
				stage.setAll(updated);
				return ok(stage);
			})
			.add("PATCH", api, (r, p) -> {
				RestApiPatches.apply(api(p).api, r.json(), Set.of("name", "description", "apiKeySource", "disableExecuteApiEndpoint",
						"binaryMediaTypes", "endpointConfiguration", "minimumCompressionSize", "policy"), false);
				return ok(api(p).api);
			})
			.add("PATCH", method, (r, p) -> {
				RestApiPatches.apply(method(p), r.json(), Set.of("authorizationType", "apiKeyRequired", "authorizerId",
						"operationName", "requestParameters", "requestValidatorId"), false);
				return ok(method(p));
			})
			.add("PATCH", method + "/integration", (r, p) -> {
				RestApiPatches.apply(integration(p), r.json(), Set.of("uri", "httpMethod", "passthroughBehavior",
						"timeoutInMillis", "contentHandling", "credentials", "requestParameters", "requestTemplates", "cacheKeyParameters"),
						false);
				return ok(integration(p));
			})
			.add("PATCH", api + "/deployments/{deployment_id}", (r, p) -> {
				ObjectNode deployment = api(p).deployments.get(deployment(p).path("id").asString());
				RestApiPatches.apply(deployment, r.json(), Set.of("description"), false);
				return ok(visible(deployment));
			})
			.add("PATCH", "/apikeys/{api_Key}", (r, p) -> {
				ObjectNode key = apiKey(p.get("api_Key"));
				RestApiPatches.apply(key, r.json(), Set.of("name", "description", "enabled", "customerId"), false);
				key.put("lastUpdatedDate", now());
				return ok(withValue(key, false));
			})
			.add("PATCH", "/usageplans/{usageplanId}", (r, p) -> {
				ObjectNode plan = usagePlan(p.get("usageplanId"));
				RestApiPatches.apply(plan, r.json(), Set.of("name", "description", "throttle", "quota", "productCode"), false);
				return ok(plan);
			})
			.add("DELETE", api + "/stages/{stage_name}", (r, p) -> {
				api(p).stages.remove(stage(p).path("stageName").asString());
				return AwsResponse.empty(202);
			})
			.add("POST", "/apikeys", (r, p) -> createApiKey(r))
			.add("GET", "/apikeys", (r, p) -> items(this.apiKeys.values().stream()
				.map((k) -> withValue(k, "true".equals(r.query("includeValues")))).toList()))
			.add("GET", "/apikeys/{api_Key}", (r, p) -> ok(withValue(apiKey(p.get("api_Key")), "true".equals(r.query("includeValue")))))
			.add("DELETE", "/apikeys/{api_Key}", (r, p) -> {
				this.apiKeys.remove(apiKey(p.get("api_Key")).path("id").asString());
				this.usagePlanKeys.values().forEach((keys) -> keys.remove(p.get("api_Key")));
				return AwsResponse.empty(202);
			})
			.add("POST", "/usageplans", (r, p) -> createUsagePlan(r))
			.add("GET", "/usageplans", (r, p) -> items(this.usagePlans.values()))
			.add("GET", "/usageplans/{usageplanId}", (r, p) -> ok(usagePlan(p.get("usageplanId"))))
			.add("DELETE", "/usageplans/{usageplanId}", (r, p) -> {
				this.usagePlans.remove(usagePlan(p.get("usageplanId")).path("id").asString());
				this.usagePlanKeys.remove(p.get("usageplanId"));
				return AwsResponse.empty(202);
			})
			.add("POST", "/usageplans/{usageplanId}/keys", (r, p) -> createUsagePlanKey(r, p.get("usageplanId")))
			.add("GET", "/usageplans/{usageplanId}/keys", (r, p) -> {
				usagePlan(p.get("usageplanId"));
				return items(this.usagePlanKeys.getOrDefault(p.get("usageplanId"), Map.of()).values());
			})
			.add("DELETE", "/usageplans/{usageplanId}/keys/{keyId}", (r, p) -> {
				usagePlan(p.get("usageplanId"));
				Map<String, ObjectNode> keys = this.usagePlanKeys.getOrDefault(p.get("usageplanId"), new LinkedHashMap<>());
				if (keys.remove(p.get("keyId")) == null) {
					throw notFound("Invalid Usage Plan Key identifier specified");
				}
				return AwsResponse.empty(202);
			})
			.add("PUT", "/tags/{resource_arn}", (r, p) -> tag(r, p.get("resource_arn")))
			.add("GET", "/tags/{resource_arn}", (r, p) -> {
				ObjectNode body = Json.object();
				body.set("tags", taggable(p.get("resource_arn")).path("tags").deepCopy());
				return ok(body);
			})
			.add("DELETE", "/tags/{resource_arn}", (r, p) -> {
				ObjectNode tags = taggable(p.get("resource_arn")).withObject("tags");
				r.queryParameters().getOrDefault("tagKeys", List.of()).forEach(tags::remove);
				return AwsResponse.empty(204);
			});
	}

	@Override
	public String signingName() {
		return "apigateway";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_JSON;
	}

	/** API Gateway v2 owns {@code /v2/…}; everything else signed as apigateway is v1. */
	@Override
	public boolean accepts(AwsRequest request) {
		return !request.rawPath().startsWith("/v2/");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.frontDoor = new RestApiFrontDoor(this, context);
	}

	@Override
	public List<FrontDoor> frontDoors() {
		return List.of(this.frontDoor);
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		return this.router.route(request);
	}

	// ---- REST APIs and resources -----------------------------------------------------------------------

	private AwsResponse createRestApi(AwsRequest request) {
		JsonNode input = request.json();
		String name = Json.string(input, "name");
		if (name == null || name.isBlank()) {
			throw badRequest("Invalid API name specified: name must not be empty");
		}
		RestApi api = new RestApi();
		String id = randomId();
		api.api = Json.object();
		api.api.put("id", id);
		api.api.put("name", name);
		if (Json.string(input, "description") != null) {
			api.api.put("description", Json.string(input, "description"));
		}
		api.api.put("createdDate", now());
		api.api.put("apiKeySource", input.path("apiKeySource").asString("HEADER"));
		ObjectNode endpoint = api.api.putObject("endpointConfiguration");
		JsonNode types = input.path("endpointConfiguration").path("types");
		endpoint.set("types", types.isArray() && !types.isEmpty() ? types.deepCopy() : Json.array().add("EDGE"));
		if (input.path("binaryMediaTypes").isArray()) {
			api.api.set("binaryMediaTypes", input.get("binaryMediaTypes").deepCopy());
		}
		api.api.put("disableExecuteApiEndpoint", input.path("disableExecuteApiEndpoint").asBoolean(false));
		api.api.set("tags", input.path("tags").isObject() ? input.get("tags").deepCopy() : Json.object());
		ObjectNode root = Json.object();
		root.put("id", randomId());
		root.put("path", "/");
		api.resources.put(root.path("id").asString(), root);
		api.api.put("rootResourceId", root.path("id").asString());
		this.apis.put(id, api);
		return AwsResponse.json(201, api.api);
	}

	private AwsResponse deleteRestApi(Map<String, String> path) {
		this.apis.remove(api(path).api.path("id").asString());
		return AwsResponse.empty(202);
	}

	private AwsResponse createResource(AwsRequest request, Map<String, String> path) {
		RestApi api = api(path);
		ObjectNode parent = resource(path);
		String part = Json.string(request.json(), "pathPart");
		if (part == null || part.isEmpty() || !part.matches("\\{[a-zA-Z0-9._-]+\\+?\\}|[a-zA-Z0-9._:-]+")) {
			throw badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
		}
		String parentPath = parent.path("path").asString();
		if (parentPath.endsWith("+}")) {
			throw badRequest("Cannot create a child of a resource with a greedy path variable: " + parentPath);
		}
		String fullPath = ("/".equals(parentPath) ? "" : parentPath) + "/" + part;
		for (ObjectNode sibling : api.resources.values()) {
			if (fullPath.equals(sibling.path("path").asString())) {
				throw conflict("Another resource with the same parent already has this name: " + part);
			}
			boolean siblingVariable = parent.path("id").asString().equals(sibling.path("parentId").asString())
					&& sibling.path("pathPart").asString().startsWith("{");
			if (siblingVariable && part.startsWith("{")) {
				throw badRequest("A sibling (" + sibling.path("pathPart").asString()
						+ ") of this resource already has a variable path part -- only one is allowed");
			}
		}
		ObjectNode resource = Json.object();
		resource.put("id", randomId());
		resource.put("parentId", parent.path("id").asString());
		resource.put("pathPart", part);
		resource.put("path", fullPath);
		api.resources.put(resource.path("id").asString(), resource);
		return AwsResponse.json(201, resource);
	}

	private AwsResponse deleteResource(Map<String, String> path) {
		RestApi api = api(path);
		ObjectNode resource = resource(path);
		if (!resource.has("parentId")) {
			throw badRequest("Cannot delete root resource");
		}
		String prefix = resource.path("path").asString();
		api.resources.values().removeIf((r) -> r.path("path").asString().equals(prefix)
				|| r.path("path").asString().startsWith(prefix + "/"));
		return AwsResponse.empty(202);
	}

	// ---- methods and integrations ---------------------------------------------------------------------------

	private AwsResponse putMethod(AwsRequest request, Map<String, String> path) {
		ObjectNode resource = resource(path);
		String httpMethod = httpMethod(path);
		JsonNode input = request.json();
		String authorization = Json.string(input, "authorizationType");
		if (authorization == null || !Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS").contains(authorization)) {
			throw badRequest("Invalid authorization type specified. Valid values are NONE, AWS_IAM, CUSTOM and COGNITO_USER_POOLS.");
		}
		ObjectNode methods = resource.withObject("resourceMethods");
		if (methods.has(httpMethod)) {
			throw conflict("Method already exists for this resource");
		}
		ObjectNode method = Json.object();
		method.put("httpMethod", httpMethod);
		method.put("authorizationType", authorization);
		method.put("apiKeyRequired", input.path("apiKeyRequired").asBoolean(false));
		for (String field : List.of("requestParameters", "authorizerId", "authorizationScopes")) {
			if (input.has(field)) {
				method.set(field, input.get(field).deepCopy());
			}
		}
		methods.set(httpMethod, method);
		return AwsResponse.json(201, method);
	}

	private AwsResponse deleteMethod(Map<String, String> path) {
		method(path);
		resource(path).withObject("resourceMethods").remove(httpMethod(path));
		return AwsResponse.empty(204);
	}

	private AwsResponse putIntegration(AwsRequest request, Map<String, String> path) {
		ObjectNode method = method(path);
		JsonNode input = request.json();
		String type = Json.string(input, "type");
		if (type == null || !INTEGRATION_TYPES.contains(type)) {
			throw badRequest("Invalid integration type specified. Valid values are HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY.");
		}
		String uri = Json.string(input, "uri");
		String integrationMethod = Json.string(input, "httpMethod");
		if (!"MOCK".equals(type)) {
			if (uri == null || uri.isEmpty()) {
				throw badRequest("Invalid Integration URI specified");
			}
			if (integrationMethod == null || integrationMethod.isEmpty()) {
				throw badRequest("Enumeration value for HttpMethod must be non-empty");
			}
			if (type.startsWith("AWS") && uri.contains(":lambda:path/") && !"POST".equals(integrationMethod)) {
				throw badRequest("Lambda integrations must use the POST integration HTTP method");
			}
		}
		ObjectNode integration = Json.object();
		integration.put("type", type);
		if (integrationMethod != null) {
			integration.put("httpMethod", integrationMethod);
		}
		if (uri != null) {
			integration.put("uri", uri);
		}
		integration.put("passthroughBehavior", input.path("passthroughBehavior").asString("WHEN_NO_MATCH"));
		integration.put("timeoutInMillis", input.path("timeoutInMillis").asInt(29000));
		integration.put("cacheNamespace", path.get("resource_id"));
		integration.putArray("cacheKeyParameters");
		for (String field : List.of("requestParameters", "requestTemplates", "contentHandling", "credentials")) {
			if (input.has(field)) {
				integration.set(field, input.get(field).deepCopy());
			}
		}
		method.set("methodIntegration", integration);
		return AwsResponse.json(201, integration);
	}

	private AwsResponse deleteIntegration(Map<String, String> path) {
		integration(path);
		method(path).remove("methodIntegration");
		return AwsResponse.empty(204);
	}

	private AwsResponse putMethodResponse(AwsRequest request, Map<String, String> path) {
		ObjectNode response = statusResponse(request, path);
		if (request.json().has("responseModels")) {
			response.set("responseModels", request.json().get("responseModels").deepCopy());
		}
		method(path).withObject("methodResponses").set(path.get("status_code"), response);
		return AwsResponse.json(201, response);
	}

	private AwsResponse putIntegrationResponse(AwsRequest request, Map<String, String> path) {
		ObjectNode response = statusResponse(request, path);
		for (String field : List.of("selectionPattern", "responseTemplates", "contentHandling")) {
			if (request.json().has(field)) {
				response.set(field, request.json().get(field).deepCopy());
			}
		}
		integration(path).withObject("integrationResponses").set(path.get("status_code"), response);
		return AwsResponse.json(201, response);
	}

	/** A method or integration response: its status code and response parameters. */
	private static ObjectNode statusResponse(AwsRequest request, Map<String, String> path) {
		String status = path.get("status_code");
		if (!status.matches("[1-5]\\d\\d")) {
			throw badRequest("Invalid status code specified: " + status);
		}
		ObjectNode response = Json.object();
		response.put("statusCode", status);
		if (request.json().path("responseParameters").isObject()) {
			response.set("responseParameters", request.json().get("responseParameters").deepCopy());
		}
		return response;
	}

	private static ObjectNode child(ObjectNode parent, String field, Map<String, String> path) {
		JsonNode child = parent.path(field).get(path.get("status_code"));
		if (child == null) {
			throw notFound("Invalid Response status code specified");
		}
		return (ObjectNode) child;
	}

	// ---- authorizers and gateway responses -------------------------------------------------------------------

	private AwsResponse createAuthorizer(AwsRequest request, Map<String, String> path) {
		RestApi api = api(path);
		JsonNode input = request.json();
		ObjectNode authorizer = Json.object();
		authorizer.put("id", randomId());
		for (String field : List.of("name", "type", "identitySource", "authorizerUri", "authorizerCredentials",
				"identityValidationExpression", "providerARNs", "authType")) {
			if (input.has(field)) {
				authorizer.set(field, input.get(field).deepCopy());
			}
		}
		authorizer.put("authorizerResultTtlInSeconds", input.path("authorizerResultTtlInSeconds").asInt(300));
		if (Json.string(authorizer, "name") == null || Json.string(authorizer, "name").isBlank()) {
			throw badRequest("Invalid authorizer name specified");
		}
		validateAuthorizer(authorizer);
		api.authorizers.put(authorizer.path("id").asString(), authorizer);
		return AwsResponse.json(201, authorizer);
	}

	/** What API Gateway checks of an authorizer: its type and what that type needs. */
	private static void validateAuthorizer(ObjectNode authorizer) {
		String type = Json.string(authorizer, "type");
		if (type == null || !Set.of("TOKEN", "REQUEST", "COGNITO_USER_POOLS").contains(type)) {
			throw badRequest("Invalid authorizer type specified. Valid values are TOKEN, REQUEST and COGNITO_USER_POOLS.");
		}
		if ("COGNITO_USER_POOLS".equals(type) && authorizer.path("providerARNs").isEmpty()) {
			throw badRequest("ProviderARNs need to be specified for authorizer of type COGNITO_USER_POOLS");
		}
		if (!"COGNITO_USER_POOLS".equals(type) && Json.string(authorizer, "authorizerUri") == null) {
			throw badRequest("Authorizer URI must be specified for authorizer of type " + type);
		}
		if ("TOKEN".equals(type) && !String.valueOf(Json.string(authorizer, "identitySource")).startsWith("method.request.header.")) {
			throw badRequest("Invalid identity source for a TOKEN authorizer: it must be one method.request.header.<name>");
		}
	}

	private AwsResponse deleteAuthorizer(Map<String, String> path) {
		RestApi api = api(path);
		String id = authorizer(path).path("id").asString();
		for (ObjectNode resource : api.resources.values()) {
			for (Map.Entry<String, JsonNode> method : resource.path("resourceMethods").properties()) {
				if (id.equals(method.getValue().path("authorizerId").asString(null))) {
					throw conflict("Cannot delete authorizer '" + authorizer(path).path("name").asString()
							+ "', is referenced in method: " + method.getKey() + " " + resource.path("path").asString());
				}
			}
		}
		api.authorizers.remove(id);
		return AwsResponse.empty(202);
	}

	private ObjectNode authorizer(Map<String, String> path) {
		ObjectNode authorizer = api(path).authorizers.get(path.get("authorizer_id"));
		if (authorizer == null) {
			throw notFound("Invalid Authorizer identifier specified");
		}
		return authorizer;
	}

	private AwsResponse putGatewayResponse(AwsRequest request, Map<String, String> path) {
		String type = path.get("response_type");
		if (!type.matches("DEFAULT_4XX|DEFAULT_5XX|[A-Z_]+")) {
			throw badRequest("Invalid gateway response type specified: " + type);
		}
		ObjectNode response = Json.object();
		response.put("responseType", type);
		if (Json.string(request.json(), "statusCode") != null) {
			response.put("statusCode", Json.string(request.json(), "statusCode"));
		}
		for (String field : List.of("responseParameters", "responseTemplates")) {
			response.set(field, request.json().path(field).isObject() ? request.json().get(field).deepCopy() : Json.object());
		}
		response.put("defaultResponse", false);
		api(path).gatewayResponses.put(type, response);
		return AwsResponse.json(201, response);
	}

	private ObjectNode gatewayResponse(Map<String, String> path) {
		ObjectNode response = api(path).gatewayResponses.get(path.get("response_type"));
		if (response == null) {
			throw notFound("Invalid Gateway Response type specified");
		}
		return response;
	}

	/**
	 * API Gateway's own answer of {@code type} (e.g. {@code UNAUTHORIZED}; null: by status): the API's gateway
	 * response of that type, else its DEFAULT_4XX/5XX, gives the status code, headers and
	 * {@code application/json} template; without one, {@code {"message": <message>}}.
	 */
	synchronized AwsResponse gatewayResponse(String apiId, String type, int status, String message) {
		RestApi api = this.apis.get(apiId);
		ObjectNode response = (api != null && type != null) ? api.gatewayResponses.get(type) : null;
		boolean own = response != null;
		if (response == null && api != null) {
			response = api.gatewayResponses.get(status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
		}
		String quoted = (message != null) ? Json.text(Json.tree(message)) : "null";
		String body = "{\"message\":" + quoted + "}";
		int code = status;
		Map<String, String> headers = new LinkedHashMap<>();
		if (response != null) {
			code = own ? Integer.parseInt(response.path("statusCode").asString(String.valueOf(status))) : status;
			String template = response.path("responseTemplates").path("application/json").asString("");
			if (!template.isBlank()) {
				body = template.replace("$context.error.messageString", quoted)
					.replace("$context.error.message", (message != null) ? message : "null")
					.replace("$context.error.responseType", (type != null) ? type : (status >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX"));
			}
			response.path("responseParameters").properties().forEach((e) -> {
				String name = e.getKey();
				if (name.startsWith("gatewayresponse.header.")) {
					headers.put(name.substring("gatewayresponse.header.".length()), staticValue(e.getValue().asString()));
				}
			});
		}
		AwsResponse answer = AwsResponse.bytes(code, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
		headers.forEach(answer::header);
		return answer;
	}

	/** An authorizer of a REST API (a copy: the front door reads it outside the lock), or null. */
	synchronized ObjectNode authorizer(String apiId, String authorizerId) {
		RestApi api = this.apis.get(apiId);
		ObjectNode authorizer = (api != null && authorizerId != null) ? api.authorizers.get(authorizerId) : null;
		return (authorizer != null) ? authorizer.deepCopy() : null;
	}

	/** Where a REST API's methods take their API key from: {@code HEADER} ({@code x-api-key}) or {@code AUTHORIZER}. */
	synchronized String apiKeySource(String apiId) {
		RestApi api = this.apis.get(apiId);
		return (api != null) ? api.api.path("apiKeySource").asString("HEADER") : "HEADER";
	}

	/**
	 * The id of the enabled API key with this value that a usage plan of the stage holds, or null (API
	 * Gateway's 403 for a method that requires a key).
	 */
	synchronized String usableApiKeyId(String apiId, String stage, String value) {
		if (value == null) {
			return null;
		}
		for (ObjectNode plan : this.usagePlans.values()) {
			boolean servesStage = false;
			for (JsonNode apiStage : plan.path("apiStages")) {
				servesStage |= apiStage.path("apiId").asString().equals(apiId) && apiStage.path("stage").asString().equals(stage);
			}
			if (!servesStage) {
				continue;
			}
			for (String keyId : this.usagePlanKeys.getOrDefault(plan.path("id").asString(), Map.of()).keySet()) {
				ObjectNode key = this.apiKeys.get(keyId);
				if (key != null && key.path("enabled").asBoolean(false) && value.equals(key.path("value").asString())) {
					return keyId;
				}
			}
		}
		return null;
	}

	/** A mapping's static value {@code 'text'} as {@code text}. */
	static String staticValue(String value) {
		return (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) ? value.substring(1, value.length() - 1)
				: value;
	}

	// ---- deployments and stages --------------------------------------------------------------------------

	private AwsResponse createDeployment(AwsRequest request, Map<String, String> path) {
		RestApi api = api(path);
		JsonNode input = request.json();
		boolean anyMethod = api.resources.values().stream().anyMatch((r) -> !r.path("resourceMethods").isEmpty());
		if (!anyMethod) {
			throw badRequest("The REST API doesn't contain any methods");
		}
		for (ObjectNode resource : api.resources.values()) {
			for (JsonNode method : resource.path("resourceMethods")) {
				if (!method.has("methodIntegration")) {
					throw badRequest("No integration defined for method");
				}
			}
		}
		ObjectNode deployment = Json.object();
		deployment.put("id", randomId());
		if (Json.string(input, "description") != null) {
			deployment.put("description", Json.string(input, "description"));
		}
		deployment.put("createdDate", now());
		api.deployments.put(deployment.path("id").asString(), deployment);
		// the deployment freezes the API as it is now: the front door serves this snapshot
		deployment.set("_resources", Json.tree(List.copyOf(api.resources.values())));
		String stageName = Json.string(input, "stageName");
		if (stageName != null && !stageName.isEmpty()) {
			ObjectNode stage = api.stages.get(stageName);
			if (stage == null) {
				stage = newStage(stageName, deployment.path("id").asString(), Json.string(input, "stageDescription"),
						input.path("variables"));
				api.stages.put(stageName, stage);
			}
			else {
				stage.put("deploymentId", deployment.path("id").asString());
				stage.put("lastUpdatedDate", now());
			}
		}
		return AwsResponse.json(201, visible(deployment));
	}

	private AwsResponse createStage(AwsRequest request, Map<String, String> path) {
		RestApi api = api(path);
		JsonNode input = request.json();
		String name = Json.string(input, "stageName");
		String deploymentId = Json.string(input, "deploymentId");
		if (name == null || name.isEmpty() || !name.matches("[a-zA-Z0-9_]+")) {
			throw badRequest("Stage name only allows a-zA-Z0-9_");
		}
		if (deploymentId == null || !api.deployments.containsKey(deploymentId)) {
			throw badRequest("Invalid deployment identifier specified");
		}
		if (api.stages.containsKey(name)) {
			throw conflict("Stage already exists");
		}
		ObjectNode stage = newStage(name, deploymentId, Json.string(input, "description"), input.path("variables"));
		api.stages.put(name, stage);
		return AwsResponse.json(201, stage);
	}

	private ObjectNode newStage(String name, String deploymentId, String description, JsonNode variables) {
		ObjectNode stage = Json.object();
		stage.put("stageName", name);
		stage.put("deploymentId", deploymentId);
		if (description != null) {
			stage.put("description", description);
		}
		stage.put("cacheClusterEnabled", false);
		stage.put("cacheClusterStatus", "NOT_AVAILABLE");
		stage.putObject("methodSettings");
		stage.set("variables", variables.isObject() ? variables.deepCopy() : Json.object());
		stage.put("tracingEnabled", false);
		stage.put("createdDate", now());
		stage.put("lastUpdatedDate", now());
		return stage;
	}

	// ---- API keys and usage plans ---------------------------------------------------------------------------

	private AwsResponse createApiKey(AwsRequest request) {
		JsonNode input = request.json();
		String value = Json.string(input, "value");
		if (value != null && value.length() < 20) {
			throw badRequest("API Key value should be at least 20 characters");
		}
		ObjectNode key = Json.object();
		key.put("id", randomId());
		key.put("value", (value != null) ? value : randomId() + randomId() + randomId() + randomId());
		key.put("name", input.path("name").asString(key.path("id").asString()));
		if (Json.string(input, "description") != null) {
			key.put("description", Json.string(input, "description"));
		}
		key.put("enabled", input.path("enabled").asBoolean(false));
		key.put("createdDate", now());
		key.put("lastUpdatedDate", now());
		key.set("stageKeys", Json.array());
		key.set("tags", input.path("tags").isObject() ? input.get("tags").deepCopy() : Json.object());
		this.apiKeys.put(key.path("id").asString(), key);
		return AwsResponse.json(201, key);
	}

	private ObjectNode apiKey(String id) {
		ObjectNode key = this.apiKeys.get(id);
		if (key == null) {
			throw notFound("Invalid API Key identifier specified");
		}
		return key;
	}

	private static ObjectNode withValue(ObjectNode key, boolean includeValue) {
		ObjectNode copy = key.deepCopy();
		if (!includeValue) {
			copy.remove("value");
		}
		return copy;
	}

	private AwsResponse createUsagePlan(AwsRequest request) {
		JsonNode input = request.json();
		String name = Json.string(input, "name");
		if (name == null || name.isBlank()) {
			throw badRequest("Invalid usage plan name specified");
		}
		for (JsonNode stage : input.path("apiStages")) {
			RestApi api = this.apis.get(stage.path("apiId").asString());
			if (api == null || !api.stages.containsKey(stage.path("stage").asString())) {
				throw badRequest("Invalid stage identifier specified: " + stage.path("apiId").asString() + "/" + stage.path("stage").asString());
			}
		}
		ObjectNode plan = Json.object();
		plan.put("id", randomId());
		plan.put("name", name);
		for (String field : List.of("description", "apiStages", "throttle", "quota", "tags")) {
			if (input.has(field)) {
				plan.set(field, input.get(field).deepCopy());
			}
		}
		this.usagePlans.put(plan.path("id").asString(), plan);
		return AwsResponse.json(201, plan);
	}

	private ObjectNode usagePlan(String id) {
		ObjectNode plan = this.usagePlans.get(id);
		if (plan == null) {
			throw notFound("Invalid Usage Plan ID specified");
		}
		return plan;
	}

	private AwsResponse createUsagePlanKey(AwsRequest request, String planId) {
		usagePlan(planId);
		JsonNode input = request.json();
		if (!"API_KEY".equals(Json.string(input, "keyType"))) {
			throw badRequest("Invalid key type specified: only API_KEY is supported");
		}
		ObjectNode key = apiKey(Json.required(input, "keyId", "BadRequestException"));
		Map<String, ObjectNode> keys = this.usagePlanKeys.computeIfAbsent(planId, (k) -> new LinkedHashMap<>());
		if (keys.containsKey(key.path("id").asString())) {
			throw conflict("Usage Plan " + planId + " cannot be added because API Key " + key.path("id").asString() + " already exists in it");
		}
		ObjectNode planKey = Json.object();
		planKey.put("id", key.path("id").asString());
		planKey.put("type", "API_KEY");
		planKey.put("value", key.path("value").asString());
		planKey.put("name", key.path("name").asString());
		keys.put(planKey.path("id").asString(), planKey);
		return AwsResponse.json(201, planKey);
	}

	// ---- tags -----------------------------------------------------------------------------------------------

	private AwsResponse tag(AwsRequest request, String arn) {
		ObjectNode tags = taggable(arn).withObject("tags");
		request.json().path("tags").properties().forEach((e) -> tags.put(e.getKey(), e.getValue().asString()));
		return AwsResponse.empty(204);
	}

	/** The object an ARN ({@code arn:aws:apigateway:<region>::/restapis/<id>[/stages/<name>]}, …) tags. */
	private ObjectNode taggable(String arn) {
		int slash = arn.indexOf("::/");
		String[] parts = (slash >= 0) ? arn.substring(slash + 3).split("/") : new String[0];
		if (parts.length >= 2 && parts[0].equals("restapis")) {
			RestApi api = this.apis.get(parts[1]);
			if (api != null && parts.length == 2) {
				return api.api;
			}
			if (api != null && parts.length == 4 && parts[2].equals("stages") && api.stages.containsKey(parts[3])) {
				return api.stages.get(parts[3]);
			}
		}
		if (parts.length == 2 && parts[0].equals("apikeys") && this.apiKeys.containsKey(parts[1])) {
			return this.apiKeys.get(parts[1]);
		}
		if (parts.length == 2 && parts[0].equals("usageplans") && this.usagePlans.containsKey(parts[1])) {
			return this.usagePlans.get(parts[1]);
		}
		throw notFound("Invalid resource ARN specified: " + arn);
	}

	// ---- lookups ----------------------------------------------------------------------------------------------

	private RestApi api(Map<String, String> path) {
		RestApi api = this.apis.get(path.get("restapi_id"));
		if (api == null) {
			throw notFound("Invalid API identifier specified " + this.context.accountId() + ":" + path.get("restapi_id"));
		}
		return api;
	}

	private ObjectNode resource(Map<String, String> path) {
		ObjectNode resource = api(path).resources.get(path.get("resource_id"));
		if (resource == null) {
			throw notFound("Invalid Resource identifier specified");
		}
		return resource;
	}

	private static String httpMethod(Map<String, String> path) {
		String method = path.get("http_method").toUpperCase(java.util.Locale.ROOT);
		if (!METHODS.contains(method)) {
			throw badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
		}
		return method;
	}

	private ObjectNode method(Map<String, String> path) {
		JsonNode method = resource(path).path("resourceMethods").get(httpMethod(path));
		if (method == null) {
			throw notFound("Invalid Method identifier specified");
		}
		return (ObjectNode) method;
	}

	private ObjectNode integration(Map<String, String> path) {
		JsonNode integration = method(path).get("methodIntegration");
		if (integration == null) {
			throw notFound("No integration defined for method");
		}
		return (ObjectNode) integration;
	}

	private ObjectNode deployment(Map<String, String> path) {
		ObjectNode deployment = api(path).deployments.get(path.get("deployment_id"));
		if (deployment == null) {
			throw notFound("Invalid Deployment identifier specified");
		}
		return visible(deployment);
	}

	private ObjectNode stage(Map<String, String> path) {
		ObjectNode stage = api(path).stages.get(path.get("stage_name"));
		if (stage == null) {
			throw notFound("Invalid Stage identifier specified");
		}
		return stage;
	}

	/** A deployment without its internal snapshot. */
	private static ObjectNode visible(ObjectNode deployment) {
		ObjectNode copy = deployment.deepCopy();
		for (Iterator<String> names = copy.propertyNames().iterator(); names.hasNext();) {
			if (names.next().startsWith("_")) {
				names.remove();
			}
		}
		return copy;
	}

	/** The resources a stage serves: those of its deployment, as they were when it was made. */
	synchronized List<ObjectNode> deployedResources(String apiId, String stageName) {
		RestApi api = this.apis.get(apiId);
		ObjectNode stage = (api != null) ? api.stages.get(stageName) : null;
		if (stage == null) {
			return null;
		}
		ObjectNode deployment = api.deployments.get(stage.path("deploymentId").asString());
		List<ObjectNode> resources = new ArrayList<>();
		if (deployment != null) {
			deployment.path("_resources").forEach((r) -> resources.add((ObjectNode) r.deepCopy()));
		}
		return resources;
	}

	synchronized Map<String, String> stageVariables(String apiId, String stageName) {
		return Json.stringMap(this.apis.get(apiId).stages.get(stageName), "variables");
	}

	// ---- responses and errors ---------------------------------------------------------------------------------

	private static AwsResponse ok(JsonNode body) {
		return AwsResponse.json(200, body);
	}

	private static AwsResponse items(java.util.Collection<ObjectNode> items) {
		ObjectNode body = Json.object();
		ArrayNode list = body.putArray("item");
		items.forEach((item) -> list.add(visible(item)));
		return ok(body);
	}

	/** API Gateway's dates: epoch seconds. */
	private long now() {
		return this.context.clock().millis() / 1000;
	}

	private static String randomId() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return id.toString();
	}

	private static AwsException notFound(String message) {
		return AwsException.notFound("NotFoundException", message);
	}

	private static AwsException badRequest(String message) {
		return AwsException.badRequest("BadRequestException", message);
	}

	private static AwsException conflict(String message) {
		return AwsException.conflict("ConflictException", message);
	}

	// ---- persistence ------------------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		state.set("apis", Json.tree(List.copyOf(this.apis.values())));
		state.set("apiKeys", Json.tree(List.copyOf(this.apiKeys.values())));
		state.set("usagePlans", Json.tree(List.copyOf(this.usagePlans.values())));
		state.set("usagePlanKeys", Json.tree(this.usagePlanKeys));
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.apis.clear();
		this.apiKeys.clear();
		this.usagePlans.clear();
		this.usagePlanKeys.clear();
		for (JsonNode node : state.path("apis")) {
			RestApi api = Json.mapper().treeToValue(node, RestApi.class);
			this.apis.put(api.api.path("id").asString(), api);
		}
		state.path("apiKeys").forEach((k) -> this.apiKeys.put(k.path("id").asString(), (ObjectNode) k));
		state.path("usagePlans").forEach((p) -> this.usagePlans.put(p.path("id").asString(), (ObjectNode) p));
		for (Map.Entry<String, JsonNode> entry : state.path("usagePlanKeys").properties()) {
			Map<String, ObjectNode> keys = new LinkedHashMap<>();
			entry.getValue().properties().forEach((k) -> keys.put(k.getKey(), (ObjectNode) k.getValue()));
			this.usagePlanKeys.put(entry.getKey(), keys);
		}
	}

}
