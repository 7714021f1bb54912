package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * Serves deployed REST API stages at
 * {@code http://127.0.0.1:<port>/restapis/<api-id>/<stage>/_user_request_/<path>} (LocalStack's form,
 * so tools that know it work): matches the most specific resource of the stage's deployment (literal,
 * then {@code {var}}, then {@code {proxy+}}), its method or {@code ANY}, and sends an
 * {@code AWS_PROXY} Lambda integration the payload 1.0 event, as API Gateway does. A {@code MOCK}
 * integration (the CORS preflight's OPTIONS method) answers its integration response's static headers;
 * a method's authorizer and required API key are enforced first ({@link RestMethodGuard}); the front
 * door's own errors are shaped by the API's gateway responses (the type's own, else DEFAULT_4XX/5XX).
 */
final class RestApiFrontDoor implements FrontDoor {

	private static final System.Logger log = System.getLogger(RestApiFrontDoor.class.getName());

	private static final Pattern URL = Pattern.compile("/restapis/([^/]+)/([^/]+)/_user_request_(/.*)?");

	private final RestApiService apis;

	private final LocalContext context;

	private final AuthorizerCache authorizerCache = new AuthorizerCache();

	RestApiFrontDoor(RestApiService apis, LocalContext context) {
		this.apis = apis;
		this.context = context;
	}

	@Override
	public boolean isPublic() {
		return true;
	}

	@Override
	public boolean accepts(AwsRequest request) {
		return URL.matcher(request.rawPath()).matches();
	}

	@Override
	public AwsResponse serve(AwsRequest request) {
		Matcher url = URL.matcher(request.rawPath());
		if (!url.matches()) {
			return LambdaProxy.message(404, "Not Found");
		}
		String apiId = url.group(1);
		String stage = url.group(2);
		String path = (url.group(3) == null || url.group(3).isEmpty()) ? "/" : url.group(3);
		List<ObjectNode> resources = this.apis.deployedResources(apiId, stage);
		if (resources == null) {
			return error(apiId, 403, "Forbidden");
		}
		Map<String, String> pathParameters = new LinkedHashMap<>();
		ObjectNode resource = resource(resources, path, pathParameters);
		JsonNode method = (resource != null) ? resource.path("resourceMethods").get(request.method()) : null;
		if (resource != null && method == null) {
			method = resource.path("resourceMethods").get("ANY");
		}
		if (method == null) {
			return this.apis.gatewayResponse(apiId, "MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token");
		}
		Map<String, String> stageVariables = this.apis.stageVariables(apiId, stage);
		String resourcePath = resource.path("path").asString();
		HttpEventV2.Origin origin = new HttpEventV2.Origin(apiId, apiId + ".execute-api.localhost", stage, resourcePath,
				pathParameters, stageVariables, null);
		Supplier<ObjectNode> proxyEvent = () -> RestEventV1.event(request, path, resourcePath, origin, this.context.accountId());
		RestMethodGuard.Decision guard = RestMethodGuard.check(this.context, this.apis, this.authorizerCache, request, method,
				new RestMethodGuard.Target(apiId, stage, request.method(), path, stageVariables), proxyEvent);
		if (!guard.allowed()) {
			return this.apis.gatewayResponse(apiId, guard.responseType(), guard.status(), guard.message());
		}
		JsonNode integration = method.path("methodIntegration");
		if ("MOCK".equals(integration.path("type").asString())) {
			return mock(integration);
		}
		if (!"AWS_PROXY".equals(integration.path("type").asString())) {
			log.log(Level.WARNING, "Integration type " + integration.path("type").asString() + " is not served locally");
			return error(apiId, 500, "Internal server error");
		}
		String functionArn = LambdaProxy.functionArn(integration.path("uri").asString(), stageVariables);
		if (functionArn == null) {
			return error(apiId, 500, "Internal server error");
		}
		LambdaService lambda = this.context.service(LambdaService.class);
		InvokedFunction target;
		try {
			if (!lambda.allowsInvocationBy(functionArn, "apigateway.amazonaws.com")) {
				log.log(Level.WARNING, "REST API " + apiId + " may not invoke " + functionArn
						+ ": its resource policy has no statement for apigateway.amazonaws.com (lambda add-permission)");
				return error(apiId, 500, "Internal server error");
			}
			target = lambda.target(functionArn, null);
		}
		catch (AwsException ex) {
			log.log(Level.WARNING, "REST API integration cannot invoke " + functionArn + ": " + ex.getMessage());
			return error(apiId, 500, "Internal server error");
		}
		ObjectNode event = proxyEvent.get();
		ObjectNode requestContext = event.withObject("requestContext");
		if (guard.authorizer() != null) {
			requestContext.set("authorizer", guard.authorizer());
		}
		if (guard.apiKey() != null) {
			requestContext.withObject("identity").put("apiKey", guard.apiKey());
			requestContext.withObject("identity").put("apiKeyId", guard.apiKeyId());
		}
		RuntimeInvocationResult result;
		try {
			result = lambda.invoker().invoke(target, Json.bytes(event), null);
		}
		catch (AwsException refused) {
			return LambdaProxy.refused(refused, "Request Too Long");
		}
		if (result.failed()) {
			return error(apiId, 502, "Internal server error");
		}
		return RestEventV1.response(result);
	}

	/** API Gateway's own error answer, shaped by the API's DEFAULT_4XX/5XX gateway response. */
	private AwsResponse error(String apiId, int status, String message) {
		return this.apis.gatewayResponse(apiId, null, status, message);
	}

	/**
	 * A MOCK integration (a CORS preflight's OPTIONS method): the integration response without a selection
	 * pattern, its {@code method.response.header.*} static values as headers, no body.
	 */
	private static AwsResponse mock(JsonNode integration) {
		JsonNode chosen = null;
		for (JsonNode response : integration.path("integrationResponses")) {
			if (chosen == null || !response.has("selectionPattern")) {
				chosen = response;
			}
		}
		if (chosen == null) {
			log.log(Level.WARNING, "MOCK integration without an integration response");
			return LambdaProxy.message(500, "Internal server error");
		}
		AwsResponse response = AwsResponse.empty(Integer.parseInt(chosen.path("statusCode").asString("200")));
		chosen.path("responseParameters").properties().forEach((e) -> {
			if (e.getKey().startsWith("method.response.header.")) {
				response.header(e.getKey().substring("method.response.header.".length()),
						RestApiService.staticValue(e.getValue().asString()));
			}
		});
		return response;
	}

	/** The most specific resource for the path: literal segments before {var} before {proxy+}. */
	private static ObjectNode resource(List<ObjectNode> resources, String path, Map<String, String> pathParameters) {
		ObjectNode best = null;
		long bestScore = -1;
		Map<String, String> bestParameters = null;
		for (ObjectNode resource : resources) {
			Map<String, String> parameters = new LinkedHashMap<>();
			// A REST API ignores one trailing slash.
			String trimmed = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
			long score = PathTemplates.match(resource.path("path").asString(), trimmed, parameters, true);
			if (score > bestScore) {
				best = resource;
				bestScore = score;
				bestParameters = parameters;
			}
		}
		if (best != null) {
			pathParameters.putAll(bestParameters);
		}
		return best;
	}

}
