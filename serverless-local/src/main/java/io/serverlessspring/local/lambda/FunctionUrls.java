package io.serverlessspring.local.lambda;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.RestRouter;

/**
 * Function URLs: the control plane ({@code /2021-10-31/functions/{name}/url}) and the front door.
 * A URL is served at {@code http://127.0.0.1:<port>/_aws/lambda-url/<url-id>/…} (what
 * {@code FunctionUrl} returns) and at {@code http://<url-id>.lambda-url.<region>.localhost:<port>/…};
 * requests become HTTP payload 2.0 events.
 */
final class FunctionUrls implements FrontDoor {

	private static final String PATH_PREFIX = "/_aws/lambda-url/";

	private final FunctionRegistry functions;

	private final Invoker invoker;

	private final LocalContext context;

	/** URL id → function name and qualifier. */
	private final Map<String, String[]> byId = new ConcurrentHashMap<>();

	FunctionUrls(FunctionRegistry functions, Invoker invoker, LocalContext context) {
		this.functions = functions;
		this.invoker = invoker;
		this.context = context;
	}

	void register(RestRouter router) {
		String path = "/2021-10-31/functions/{FunctionName}/url";
		router.add("POST", path, (r, p) -> create(r, p.get("FunctionName")))
			.add("GET", path, (r, p) -> get(r, p.get("FunctionName")))
			.add("PUT", path, (r, p) -> update(r, p.get("FunctionName")))
			.add("DELETE", path, (r, p) -> delete(r, p.get("FunctionName")))
			.add("GET", "/2021-10-31/functions/{FunctionName}/urls", (r, p) -> list(p.get("FunctionName")));
	}

	/** Re-indexes the URLs of a function loaded from saved state. */
	void restore(LambdaFunction function) {
		function.urls.forEach((qualifier, config) -> {
			String id = config.path("UrlId").asString();
			config.put("FunctionUrl", this.context.endpoint() + PATH_PREFIX + id + "/");
			this.byId.put(id, new String[] { function.name, qualifier });
		});
	}

	private AwsResponse create(AwsRequest request, String identifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, request.query("Qualifier"));
		String qualifier = (q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST;
		if (q.qualifier() != null && q.qualifier().matches("\\d+")) {
			throw LambdaErrors.invalid("Function URLs can be attached to $LATEST or an alias, not to a version");
		}
		if (q.function().urls.containsKey(qualifier)) {
			throw AwsException.conflict("ResourceConflictException",
					"Failed to create function url config for [functionArn = " + arn(q) + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
		}
		ObjectNode in = request.json();
		String authType = authType(in);
		String id = newId();
		ObjectNode config = Json.object();
		config.put("FunctionUrl", this.context.endpoint() + PATH_PREFIX + id + "/");
		config.put("FunctionArn", arn(q));
		config.put("AuthType", authType);
		if (in.has("Cors")) {
			config.set("Cors", in.get("Cors"));
		}
		config.put("CreationTime", Instant.now().toString());
		config.put("LastModifiedTime", Instant.now().toString());
		config.put("InvokeMode", in.path("InvokeMode").asString("BUFFERED"));
		config.put("UrlId", id);
		q.function().urls.put(qualifier, config);
		this.byId.put(id, new String[] { q.function().name, qualifier });
		return AwsResponse.json(201, visible(config));
	}

	private AwsResponse get(AwsRequest request, String identifier) {
		return AwsResponse.json(200, visible(config(request, identifier)));
	}

	private AwsResponse update(AwsRequest request, String identifier) {
		ObjectNode config = config(request, identifier);
		ObjectNode in = request.json();
		if (in.has("AuthType")) {
			config.put("AuthType", authType(in));
		}
		if (in.has("Cors")) {
			config.set("Cors", in.get("Cors"));
		}
		if (in.has("InvokeMode")) {
			config.put("InvokeMode", in.path("InvokeMode").asString());
		}
		config.put("LastModifiedTime", Instant.now().toString());
		return AwsResponse.json(200, visible(config));
	}

	private AwsResponse delete(AwsRequest request, String identifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, request.query("Qualifier"));
		ObjectNode removed = q.function().urls.remove((q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST);
		if (removed == null) {
			throw LambdaErrors.notFound("The resource you requested does not exist.");
		}
		this.byId.remove(removed.path("UrlId").asString());
		return AwsResponse.empty(204);
	}

	private AwsResponse list(String identifier) {
		LambdaFunction function = this.functions.function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("FunctionUrlConfigs");
		function.urls.values().forEach((c) -> list.add(visible(c)));
		return AwsResponse.json(200, out);
	}

	private ObjectNode config(AwsRequest request, String identifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, request.query("Qualifier"));
		ObjectNode config = q.function().urls.get((q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST);
		if (config == null) {
			throw LambdaErrors.notFound("The resource you requested does not exist.");
		}
		return config;
	}

	private String arn(FunctionRegistry.Qualified q) {
		return this.functions.functionArn(q.function().name) + ((q.qualifier() != null) ? ":" + q.qualifier() : "");
	}

	private static String authType(ObjectNode in) {
		String authType = in.path("AuthType").asString("");
		if (!authType.equals("NONE") && !authType.equals("AWS_IAM")) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + authType
					+ "' at 'authType' failed to satisfy constraint: Member must satisfy enum value set: [AWS_IAM, NONE]");
		}
		return authType;
	}

	private static ObjectNode visible(ObjectNode config) {
		ObjectNode copy = config.deepCopy();
		copy.remove("UrlId");
		return copy;
	}

	private static String newId() {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return id.toString();
	}

	// ---- the front door ---------------------------------------------------------------------

	@Override
	public boolean isPublic() {
		return true;
	}

	@Override
	public boolean accepts(AwsRequest request) {
		return request.rawPath().startsWith(PATH_PREFIX) || request.host().contains(".lambda-url.");
	}

	@Override
	public AwsResponse serve(AwsRequest request) {
		String id;
		String rawPath;
		if (request.rawPath().startsWith(PATH_PREFIX)) {
			String rest = request.rawPath().substring(PATH_PREFIX.length());
			int slash = rest.indexOf('/');
			id = (slash < 0) ? rest : rest.substring(0, slash);
			rawPath = (slash < 0) ? "/" : rest.substring(slash);
		}
		else {
			id = request.host().substring(0, request.host().indexOf('.'));
			rawPath = request.rawPath();
		}
		String[] target = this.byId.get(id.toLowerCase(Locale.ROOT));
		ObjectNode config = null;
		if (target != null) {
			LambdaFunction function = this.functions.functionOrNull(target[0]);
			config = (function != null) ? function.urls.get(target[1]) : null;
		}
		if (config == null) {
			return AwsResponse.bytes(404, "{\"Message\":null}".getBytes(), "application/json");
		}
		JsonNode cors = config.get("Cors");
		if (cors != null && "OPTIONS".equals(request.method()) && request.header("Origin") != null
				&& request.header("Access-Control-Request-Method") != null) {
			return withCors(preflight(request, cors), request, cors);
		}
		if ("AWS_IAM".equals(config.path("AuthType").asString()) && (request.header("Authorization") == null
				|| !request.header("Authorization").startsWith("AWS4-HMAC-SHA256"))) {
			return AwsResponse.bytes(403, "{\"Message\":\"Forbidden\"}".getBytes(), "application/json");
		}
		String qualifier = LambdaFunction.LATEST.equals(target[1]) ? null : target[1];
		InvokedFunction function;
		try {
			function = this.functions.target(target[0], qualifier);
		}
		catch (AwsException ex) {
			return AwsResponse.bytes(502, "{\"Message\":\"Internal Server Error\"}".getBytes(), "application/json");
		}
		HttpEventV2.Origin origin = new HttpEventV2.Origin(id,
				id + ".lambda-url." + this.context.region() + ".on.aws", "$default", "$default", null, null, null);
		ObjectNode event = HttpEventV2.event(request, rawPath, origin, this.context.accountId());
		RuntimeInvocationResult result;
		try {
			result = this.invoker.invoke(function, Json.bytes(event), null);
		}
		catch (AwsException refused) {
			// as function URLs answer: the invoker's 413 (payload over Lambda's limit) or 429 (throttled)
			return AwsResponse.json(refused.status(), Json.object().put("Message", refused.getMessage()));
		}
		return withCors(HttpEventV2.response(result, 502), request, cors);
	}

	/** A CORS preflight answered from the URL's {@code Cors} configuration, without invoking the function. */
	private static AwsResponse preflight(AwsRequest request, JsonNode cors) {
		AwsResponse response = AwsResponse.empty(200);
		response.header("Access-Control-Allow-Methods", join(cors.path("AllowMethods"), "*"));
		response.header("Access-Control-Allow-Headers", join(cors.path("AllowHeaders"), request.header("Access-Control-Request-Headers")));
		if (cors.has("MaxAge")) {
			response.header("Access-Control-Max-Age", cors.path("MaxAge").asString());
		}
		return response;
	}

	/** The URL's CORS headers on an answer to an allowed origin. */
	private static AwsResponse withCors(AwsResponse response, AwsRequest request, JsonNode cors) {
		String origin = request.header("Origin");
		if (cors == null || origin == null) {
			return response;
		}
		boolean any = false;
		boolean listed = false;
		for (JsonNode allowed : cors.path("AllowOrigins")) {
			any |= allowed.asString().equals("*");
			listed |= allowed.asString().equalsIgnoreCase(origin);
		}
		if (any || listed) {
			response.header("Access-Control-Allow-Origin", listed ? origin : "*");
			if (cors.path("AllowCredentials").asBoolean(false)) {
				response.header("Access-Control-Allow-Credentials", "true");
			}
			if (cors.has("ExposeHeaders")) {
				response.header("Access-Control-Expose-Headers", join(cors.path("ExposeHeaders"), null));
			}
		}
		return response;
	}

	private static String join(JsonNode values, String fallback) {
		if (!values.isArray() || values.isEmpty()) {
			return fallback;
		}
		StringBuilder joined = new StringBuilder();
		values.forEach((v) -> joined.append((joined.length() > 0) ? "," : "").append(v.asString()));
		return joined.toString();
	}

}
