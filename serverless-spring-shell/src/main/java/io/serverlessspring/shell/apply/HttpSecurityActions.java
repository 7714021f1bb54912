package io.serverlessspring.shell.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.model.Names;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStageResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/**
 * Applies {@code serverless.http.*} security and limits to the front deploy made: CORS,
 * authorization, throttling and the access log of an HTTP API; endpoint type, binary media types,
 * resource policy and API keys with their usage plan of a REST API. Each part is read first and
 * written only when it differs, so a re-run changes nothing.
 */
public final class HttpSecurityActions {

	/** Statement id of the permission letting API Gateway call a Lambda authorizer. */
	public static final String AUTHORIZER_PERMISSION = "serverless-authorizer";

	private HttpSecurityActions() {
	}

	// ---- HTTP API

	public static void ensureHttpApi(ApplyContext ctx) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		HttpSecuritySpec security = ctx.desired().http().security();
		String apiId = ctx.httpApiId();
		if (apiId == null) {
			throw new IllegalStateException("No HTTP API id to configure (the HTTP API step did not run)");
		}
		GetApiResponse api = client.getApi(b -> b.apiId(apiId));
		Cors wanted = cors(security.cors());
		Cors current = api.corsConfiguration();
		boolean currentEmpty = current == null || current.allowOrigins().isEmpty();
		if (wanted != null && !sameCors(current, wanted)) {
			client.updateApi(b -> b.apiId(apiId).corsConfiguration(wanted));
			ctx.progress("    CORS: " + String.join(", ", wanted.allowOrigins()));
		}
		else if (wanted == null && !currentEmpty) {
			client.deleteCorsConfiguration(b -> b.apiId(apiId));
			ctx.progress("    CORS removed");
		}

		Route route = client.getRoutes(b -> b.apiId(apiId))
			.items()
			.stream()
			.filter(r -> "$default".equals(r.routeKey()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("HTTP API " + apiId + " has no $default route"));
		HttpSecuritySpec.Auth auth = security.auth();
		AuthorizationType type;
		String authorizerId = null;
		List<String> scopes = List.of();
		switch (auth.type()) {
			case "AWS_IAM" -> type = AuthorizationType.AWS_IAM;
			case "JWT", "COGNITO" -> {
				type = AuthorizationType.JWT;
				authorizerId = jwtAuthorizer(ctx, client, apiId, route.authorizerId(), auth);
				scopes = auth.scopes();
			}
			case "LAMBDA" -> {
				type = AuthorizationType.CUSTOM;
				authorizerId = lambdaAuthorizer(ctx, client, apiId, route.authorizerId(), auth);
			}
			default -> type = AuthorizationType.NONE;
		}
		boolean sameRoute = type == route.authorizationType()
				|| (type == AuthorizationType.NONE && route.authorizationType() == null);
		sameRoute = sameRoute && Objects.equals(authorizerId, route.authorizerId())
				&& new LinkedHashSet<>(scopes).equals(new LinkedHashSet<>(route.authorizationScopes()));
		if (!sameRoute) {
			String id = authorizerId;
			List<String> routeScopes = scopes;
			client.updateRoute(b -> b.apiId(apiId)
				.routeId(route.routeId())
				.authorizationType(type)
				.authorizerId(id)
				.authorizationScopes(routeScopes));
			ctx.progress("    route $default: authorization " + type);
		}

		GetStageResponse stage = client.getStage(b -> b.apiId(apiId).stageName("$default"));
		boolean throttled = security.throttleRate() > 0 || security.throttleBurst() > 0;
		var settings = stage.defaultRouteSettings();
		boolean sameThrottle = throttled ? settings != null
				&& Objects.equals(settings.throttlingRateLimit(), security.throttleRate())
				&& Objects.equals(settings.throttlingBurstLimit(), security.throttleBurst())
				: settings == null || settings.throttlingRateLimit() == null || settings.throttlingRateLimit() == 0;
		HttpSecuritySpec.AccessLog log = security.accessLog();
		String logArn = (log == null) ? null
				: "arn:aws:logs:" + ctx.desired().region() + ":" + ctx.desired().account() + ":log-group:" + log.logGroup();
		boolean sameLog = (log == null) ? stage.accessLogSettings() == null || stage.accessLogSettings().destinationArn() == null
				: stage.accessLogSettings() != null && logArn.equals(stage.accessLogSettings().destinationArn())
						&& log.format().equals(stage.accessLogSettings().format());
		if (log != null) {
			ensureLogGroup(ctx, log);
		}
		if (!sameThrottle || !sameLog) {
			client.updateStage(b -> {
				b.apiId(apiId).stageName("$default");
				b.defaultRouteSettings(r -> r.throttlingRateLimit(throttled ? security.throttleRate() : null)
					.throttlingBurstLimit(throttled ? security.throttleBurst() : null));
				if (log != null) {
					b.accessLogSettings(a -> a.destinationArn(logArn).format(log.format()));
				}
			});
			ctx.progress("    stage $default: " + (throttled ? "throttling " + security.throttleRate() + "/s burst "
					+ security.throttleBurst() : "no throttling") + (log != null ? ", access log " + log.logGroup() : ""));
		}
	}

	private static Cors cors(HttpSecuritySpec.Cors cors) {
		if (cors == null) {
			return null;
		}
		return Cors.builder()
			.allowOrigins(cors.origins())
			.allowMethods(cors.methods())
			.allowHeaders(cors.headers())
			.exposeHeaders(cors.exposedHeaders())
			.allowCredentials(cors.credentials())
			.maxAge(cors.maxAgeSeconds())
			.build();
	}

	private static boolean sameCors(Cors current, Cors wanted) {
		if (current == null) {
			return false;
		}
		return set(current.allowOrigins()).equals(set(wanted.allowOrigins()))
				&& set(current.allowMethods()).equals(set(wanted.allowMethods()))
				&& set(current.allowHeaders()).equals(set(wanted.allowHeaders()))
				&& set(current.exposeHeaders()).equals(set(wanted.exposeHeaders()))
				&& Objects.equals(Boolean.TRUE.equals(current.allowCredentials()), wanted.allowCredentials())
				&& Objects.equals(current.maxAge(), wanted.maxAge());
	}

	private static Set<String> set(List<String> values) {
		Set<String> set = new LinkedHashSet<>();
		values.forEach(v -> set.add(v.toLowerCase()));
		return set;
	}

	private static String jwtAuthorizer(ApplyContext ctx, ApiGatewayV2Client client, String apiId, String currentId,
			HttpSecuritySpec.Auth auth) {
		String issuer;
		List<String> audiences;
		if ("COGNITO".equals(auth.type())) {
			String pool = required(auth.cognitoUserPoolArn(), "serverless.http.auth.cognito.user-pool-arn");
			String[] parts = pool.split(":");
			issuer = "https://cognito-idp." + (parts.length > 3 ? parts[3] : ctx.desired().region()) + ".amazonaws.com/"
					+ pool.substring(pool.lastIndexOf('/') + 1);
			audiences = auth.cognitoClientIds();
		}
		else {
			issuer = required(auth.jwtIssuer(), "serverless.http.auth.jwt.issuer");
			audiences = auth.jwtAudiences();
		}
		String name = ctx.desired().functionName() + "-jwt";
		if (currentId != null) {
			var current = client.getAuthorizer(b -> b.apiId(apiId).authorizerId(currentId));
			boolean same = current.authorizerType() == AuthorizerType.JWT && current.jwtConfiguration() != null
					&& issuer.equals(current.jwtConfiguration().issuer())
					&& set(audiences).equals(set(current.jwtConfiguration().audience()));
			if (same) {
				return currentId;
			}
			if (current.authorizerType() == AuthorizerType.JWT) {
				client.updateAuthorizer(b -> b.apiId(apiId).authorizerId(currentId).name(name)
					.identitySource(auth.jwtIdentitySource())
					.jwtConfiguration(j -> j.issuer(issuer).audience(audiences)));
				ctx.progress("    JWT authorizer: issuer " + issuer);
				return currentId;
			}
		}
		String id = client.createAuthorizer(b -> b.apiId(apiId).name(name).authorizerType(AuthorizerType.JWT)
			.identitySource(auth.jwtIdentitySource())
			.jwtConfiguration(j -> j.issuer(issuer).audience(audiences))).authorizerId();
		ctx.progress("    JWT authorizer: issuer " + issuer);
		return id;
	}

	private static String lambdaAuthorizer(ApplyContext ctx, ApiGatewayV2Client client, String apiId, String currentId,
			HttpSecuritySpec.Auth auth) {
		DesiredStage desired = ctx.desired();
		String function = (auth.lambdaFunctionArn() != null) ? auth.lambdaFunctionArn()
				: (auth.lambdaBean() != null) ? desired.aliasArn()
						: required(null, "serverless.http.auth.lambda.bean or serverless.http.auth.lambda.function-arn");
		String uri = "arn:aws:apigateway:" + desired.region() + ":lambda:path/2015-03-31/functions/" + function + "/invocations";
		String name = desired.functionName() + "-authorizer";
		String id = null;
		if (currentId != null) {
			var current = client.getAuthorizer(b -> b.apiId(apiId).authorizerId(currentId));
			if (current.authorizerType() == AuthorizerType.REQUEST) {
				id = currentId;
				boolean same = uri.equals(current.authorizerUri())
						&& Objects.equals(current.authorizerResultTtlInSeconds(), auth.lambdaTtlSeconds())
						&& Boolean.TRUE.equals(current.enableSimpleResponses()) == auth.lambdaSimpleResponses();
				if (!same) {
					client.updateAuthorizer(b -> b.apiId(apiId).authorizerId(currentId).authorizerUri(uri)
						.identitySource(auth.lambdaIdentitySource())
						.authorizerResultTtlInSeconds(auth.lambdaTtlSeconds())
						.enableSimpleResponses(auth.lambdaSimpleResponses()));
					ctx.progress("    Lambda authorizer: " + function);
				}
			}
		}
		if (id == null) {
			id = client.createAuthorizer(b -> b.apiId(apiId).name(name).authorizerType(AuthorizerType.REQUEST)
				.authorizerUri(uri).authorizerPayloadFormatVersion("2.0")
				.enableSimpleResponses(auth.lambdaSimpleResponses()) // serverless.http.auth.lambda.simple-responses
				.identitySource(auth.lambdaIdentitySource())
				.authorizerResultTtlInSeconds(auth.lambdaTtlSeconds())).authorizerId();
			ctx.progress("    Lambda authorizer: " + function);
		}
		try {
			String sourceArn = "arn:aws:execute-api:" + desired.region() + ":" + desired.account() + ":" + apiId + "/authorizers/*";
			ctx.clients().lambda().addPermission(b -> {
				if (auth.lambdaFunctionArn() != null) {
					b.functionName(auth.lambdaFunctionArn());
				}
				else {
					b.functionName(desired.functionName()).qualifier(Names.ALIAS);
				}
				b.statementId(AUTHORIZER_PERMISSION).action("lambda:InvokeFunction").principal("apigateway.amazonaws.com")
					.sourceArn(sourceArn);
			});
		}
		catch (ResourceConflictException ex) {
			// granted before
		}
		return id;
	}

	private static void ensureLogGroup(ApplyContext ctx, HttpSecuritySpec.AccessLog log) {
		boolean exists = ctx.clients()
			.logs()
			.describeLogGroups(b -> b.logGroupNamePrefix(log.logGroup()))
			.logGroups()
			.stream()
			.anyMatch(g -> log.logGroup().equals(g.logGroupName()));
		if (!exists) {
			try {
				ctx.clients().logs().createLogGroup(b -> b.logGroupName(log.logGroup()).tags(ctx.desired().tags()));
			}
			catch (ResourceAlreadyExistsException ex) {
				// created meanwhile
			}
			if (log.retentionDays() > 0) {
				ctx.clients().logs().putRetentionPolicy(b -> b.logGroupName(log.logGroup()).retentionInDays(log.retentionDays()));
			}
			ctx.progress("    created log group " + log.logGroup());
		}
	}

	// ---- function URL

	/** CORS of the live alias's function URL (the only one of these settings a function URL has). */
	public static void ensureFunctionUrl(ApplyContext ctx) {
		HttpSecuritySpec.Cors cors = ctx.desired().http().security().cors();
		String function = ctx.desired().functionName();
		var current = ctx.clients().lambda().getFunctionUrlConfig(b -> b.functionName(function).qualifier(Names.ALIAS)).cors();
		software.amazon.awssdk.services.lambda.model.Cors wanted = (cors == null) ? null
				: software.amazon.awssdk.services.lambda.model.Cors.builder()
					.allowOrigins(cors.origins())
					.allowMethods(cors.methods())
					.allowHeaders(cors.headers())
					.exposeHeaders(cors.exposedHeaders())
					.allowCredentials(cors.credentials())
					.maxAge(cors.maxAgeSeconds())
					.build();
		boolean same = (wanted == null) ? current == null || current.allowOrigins().isEmpty()
				: current != null && set(current.allowOrigins()).equals(set(wanted.allowOrigins()))
						&& set(current.allowMethods()).equals(set(wanted.allowMethods()))
						&& set(current.allowHeaders()).equals(set(wanted.allowHeaders()))
						&& set(current.exposeHeaders()).equals(set(wanted.exposeHeaders()))
						&& Boolean.TRUE.equals(current.allowCredentials()) == cors.credentials()
						&& Objects.equals(current.maxAge(), wanted.maxAge());
		if (!same) {
			ctx.clients()
				.lambda()
				.updateFunctionUrlConfig(b -> b.functionName(function)
					.qualifier(Names.ALIAS)
					.cors(wanted != null ? wanted : software.amazon.awssdk.services.lambda.model.Cors.builder().build()));
			ctx.progress("    function URL CORS: " + (cors != null ? String.join(", ", cors.origins()) : "none"));
		}
	}

	// ---- REST API

	public static void ensureRestApi(ApplyContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		String id = ctx.restApiId();
		if (id == null) {
			throw new IllegalStateException("No REST API id to configure (the REST API step did not run)");
		}
		HttpSecuritySpec.Rest rest = ctx.desired().http().security().rest();
		GetRestApiResponse api = client.getRestApi(b -> b.restApiId(id));
		List<PatchOperation> patches = new ArrayList<>();
		String currentType = api.endpointConfiguration() != null && !api.endpointConfiguration().typesAsStrings().isEmpty()
				? api.endpointConfiguration().typesAsStrings().get(0) : "EDGE";
		if (!rest.endpointType().equals(currentType)) {
			patches.add(patch(Op.REPLACE, "/endpointConfiguration/types/" + currentType, rest.endpointType()));
		}
		for (String type : rest.binaryMediaTypes()) {
			if (!api.binaryMediaTypes().contains(type)) {
				patches.add(patch(Op.ADD, "/binaryMediaTypes/" + type.replace("/", "~1"), null));
			}
		}
		if (rest.resourcePolicy() != null && !rest.resourcePolicy().isBlank()
				&& (api.policy() == null || !api.policy().replace("\\", "").contains("\"Statement\""))) {
			patches.add(patch(Op.REPLACE, "/policy", rest.resourcePolicy()));
		}
		if (!patches.isEmpty()) {
			client.updateRestApi(b -> b.restApiId(id).patchOperations(patches));
			ctx.progress("    REST API: " + patches.size() + " change(s) (endpoint type, binary media types, policy)");
		}
		methods(ctx, client, id, ctx.desired().http().security());
		throttling(ctx, client, id, ctx.desired().http().security());
		if (!rest.apiKeys().isEmpty()) {
			apiKeys(ctx, client, id, rest);
		}
	}

	/**
	 * The ANY methods' authorization ({@code aws-iam} or none here; Cognito and Lambda authorizers of a
	 * REST API are in the template only) and API key requirement; the stage is redeployed after a change.
	 */
	private static void methods(ApplyContext ctx, ApiGatewayClient client, String id, HttpSecuritySpec security) {
		String authorization = switch (security.auth().type()) {
			case "AWS_IAM" -> "AWS_IAM";
			case "NONE" -> "NONE";
			default -> null;
		};
		if (authorization == null) {
			ctx.progress("    note: serverless.http.auth.type=" + security.auth().type().toLowerCase()
					+ " on a REST API is in 'template' but not applied by deploy yet");
		}
		boolean keys = !security.rest().apiKeys().isEmpty();
		boolean changed = false;
		for (Resource resource : client.getResources(b -> b.restApiId(id).limit(500)).items()) {
			if (resource.resourceMethods() == null || !resource.resourceMethods().containsKey("ANY")) {
				continue;
			}
			var method = client.getMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("ANY"));
			List<PatchOperation> patches = new ArrayList<>();
			if (authorization != null && !authorization.equals(method.authorizationType())) {
				patches.add(patch(Op.REPLACE, "/authorizationType", authorization));
			}
			if (keys != Boolean.TRUE.equals(method.apiKeyRequired())) {
				patches.add(patch(Op.REPLACE, "/apiKeyRequired", Boolean.toString(keys)));
			}
			if (!patches.isEmpty()) {
				client.updateMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("ANY").patchOperations(patches));
				changed = true;
			}
		}
		if (changed) {
			String stage = ctx.desired().stage();
			client.createDeployment(b -> b.restApiId(id).stageName(stage).description("methods: authorization, API keys"));
			ctx.progress("    methods: authorization " + (authorization != null ? authorization : "unchanged")
					+ (keys ? ", API key required" : "") + " (redeployed stage " + stage + ")");
		}
	}

	/** The stage's throttling, for every method. */
	private static void throttling(ApplyContext ctx, ApiGatewayClient client, String id, HttpSecuritySpec security) {
		if (security.throttleRate() <= 0 && security.throttleBurst() <= 0) {
			return;
		}
		String stage = ctx.desired().stage();
		var current = client.getStage(b -> b.restApiId(id).stageName(stage)).methodSettings().get("*/*");
		boolean same = current != null && Objects.equals(current.throttlingRateLimit(), security.throttleRate())
				&& Objects.equals(current.throttlingBurstLimit(), security.throttleBurst());
		if (!same) {
			client.updateStage(b -> b.restApiId(id).stageName(stage).patchOperations(
					patch(Op.REPLACE, "/*/*/throttling/rateLimit", Double.toString(security.throttleRate())),
					patch(Op.REPLACE, "/*/*/throttling/burstLimit", Integer.toString(security.throttleBurst()))));
			ctx.progress("    stage " + stage + ": throttling " + security.throttleRate() + "/s burst " + security.throttleBurst());
		}
	}

	private static void apiKeys(ApplyContext ctx, ApiGatewayClient client, String id, HttpSecuritySpec.Rest rest) {
		String stage = ctx.desired().stage();
		String planName = ctx.desired().functionName();
		UsagePlan plan = client.getUsagePlans(b -> b.limit(500))
			.items()
			.stream()
			.filter(p -> planName.equals(p.name()))
			.findFirst()
			.orElse(null);
		String planId;
		if (plan == null) {
			planId = client.createUsagePlan(b -> {
				b.name(planName).apiStages(s -> s.apiId(id).stage(stage));
				if (rest.quotaLimit() > 0) {
					b.quota(q -> q.limit(rest.quotaLimit()).period(rest.quotaPeriod()));
				}
				if (rest.keyRateLimit() > 0 || rest.keyBurstLimit() > 0) {
					b.throttle(t -> t.rateLimit(rest.keyRateLimit()).burstLimit(rest.keyBurstLimit()));
				}
			}).id();
			ctx.progress("    usage plan " + planName);
		}
		else {
			planId = plan.id();
		}
		Set<String> planKeys = new LinkedHashSet<>();
		client.getUsagePlanKeys(b -> b.usagePlanId(planId)).items().forEach(k -> planKeys.add(k.name()));
		for (String name : rest.apiKeys()) {
			if (planKeys.contains(name)) {
				continue;
			}
			ApiKey key = client.getApiKeys(b -> b.nameQuery(name).limit(500))
				.items()
				.stream()
				.filter(k -> name.equals(k.name()))
				.findFirst()
				.orElse(null);
			String keyId = (key != null) ? key.id()
					: client.createApiKey(b -> b.name(name).enabled(true).tags(ctx.desired().tags())).id();
			client.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));
			ctx.progress("    API key " + name + " in usage plan " + planName);
		}
	}

	private static PatchOperation patch(Op op, String path, String value) {
		return PatchOperation.builder().op(op).path(path).value(value).build();
	}

	private static String required(String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(setting + " is required for this authorization type.");
		}
		return value;
	}

}
