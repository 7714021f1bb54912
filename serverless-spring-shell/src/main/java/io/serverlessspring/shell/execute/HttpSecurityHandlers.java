package io.serverlessspring.shell.execute;

import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.HttpSecurityChanges;
import io.serverlessspring.shell.plan.Value;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;

/** CORS, authorizers, route authorization, stage settings, usage plan, API keys (REST API guards: {@link RestApiSecurityHandlers}). */
final class HttpSecurityHandlers {

	private HttpSecurityHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(HttpSecurityChanges.Cors.class, HttpSecurityHandlers::cors);
		registry.on(HttpSecurityChanges.Authorizer.class, HttpSecurityHandlers::authorizer);
		registry.on(HttpSecurityChanges.RouteAuthorization.class, HttpSecurityHandlers::route);
		registry.on(HttpSecurityChanges.ApiStage.class, HttpSecurityHandlers::stage);
		registry.on(HttpSecurityChanges.RestSettings.class, RestApiSecurityHandlers::settings);
		registry.on(HttpSecurityChanges.RestMethods.class, RestApiSecurityHandlers::methods);
		registry.on(HttpSecurityChanges.UsagePlan.class, HttpSecurityHandlers::usagePlan);
		registry.on(HttpSecurityChanges.ApiKey.class, HttpSecurityHandlers::apiKey);
		registry.on(HttpSecurityChanges.RestAuthorizer.class, RestApiSecurityHandlers::authorizer);
		registry.on(HttpSecurityChanges.RestCors.class, RestApiSecurityHandlers::cors);
	}

	private static void cors(HttpSecurityChanges.Cors change, ExecutionContext ctx) {
		String target = ctx.resolve(change.target());
		HttpSecuritySpec.Cors cors = change.cors();
		if ("function URL".equals(change.front())) {
			var wanted = (cors == null) ? software.amazon.awssdk.services.lambda.model.Cors.builder().build()
					: software.amazon.awssdk.services.lambda.model.Cors.builder().allowOrigins(cors.origins())
						.allowMethods(cors.methods()).allowHeaders(cors.headers()).exposeHeaders(cors.exposedHeaders())
						.allowCredentials(cors.credentials()).maxAge(cors.maxAgeSeconds()).build();
			ctx.clients().lambda().updateFunctionUrlConfig(b -> b.functionName(target).qualifier("live").cors(wanted));
			return;
		}
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		if (cors == null) {
			client.deleteCorsConfiguration(b -> b.apiId(target));
			return;
		}
		Cors wanted = Cors.builder().allowOrigins(cors.origins()).allowMethods(cors.methods()).allowHeaders(cors.headers())
			.exposeHeaders(cors.exposedHeaders()).allowCredentials(cors.credentials()).maxAge(cors.maxAgeSeconds()).build();
		client.updateApi(b -> b.apiId(target).corsConfiguration(wanted));
	}

	private static void authorizer(HttpSecurityChanges.Authorizer change, ExecutionContext ctx) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		String apiId = ctx.resolve(change.apiId());
		boolean jwt = "JWT".equals(change.type());
		switch (change.action()) {
			case DELETE -> client.deleteAuthorizer(b -> b.apiId(apiId).authorizerId(change.id()));
			case UPDATE, REPLACE -> {
				if (jwt) {
					client.updateAuthorizer(b -> b.apiId(apiId).authorizerId(change.id()).name(change.name())
						.identitySource(change.identitySource())
						.jwtConfiguration(j -> j.issuer(change.issuer()).audience(change.audiences())));
				}
				else {
					client.updateAuthorizer(b -> b.apiId(apiId).authorizerId(change.id()).authorizerUri(change.uri())
						.identitySource(change.identitySource()).authorizerResultTtlInSeconds(change.ttlSeconds())
						.enableSimpleResponses(change.simpleResponses()));
				}
				ctx.output(Value.AUTHORIZER_ID, change.id());
			}
			case CREATE -> {
				String id = jwt ? client.createAuthorizer(b -> b.apiId(apiId).name(change.name())
					.authorizerType(AuthorizerType.JWT).identitySource(change.identitySource())
					.jwtConfiguration(j -> j.issuer(change.issuer()).audience(change.audiences()))).authorizerId()
						: client.createAuthorizer(b -> b.apiId(apiId).name(change.name())
							.authorizerType(AuthorizerType.REQUEST).authorizerUri(change.uri())
							.authorizerPayloadFormatVersion("2.0").enableSimpleResponses(change.simpleResponses())
							.identitySource(change.identitySource()).authorizerResultTtlInSeconds(change.ttlSeconds()))
							.authorizerId();
				ctx.output(Value.AUTHORIZER_ID, id);
			}
		}
	}

	private static void route(HttpSecurityChanges.RouteAuthorization change, ExecutionContext ctx) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		String apiId = ctx.resolve(change.apiId());
		String routeId = client.getRoutes(b -> b.apiId(apiId)).items().stream()
			.filter(r -> "$default".equals(r.routeKey())).findFirst()
			.orElseThrow(() -> new IllegalStateException("HTTP API " + apiId + " has no $default route"))
			.routeId();
		String authorizer = ctx.resolve(change.authorizerId());
		client.updateRoute(b -> b.apiId(apiId).routeId(routeId)
			.authorizationType(AuthorizationType.fromValue(change.authorizationType())).authorizerId(authorizer)
			.authorizationScopes(change.scopes()));
	}

	private static void stage(HttpSecurityChanges.ApiStage change, ExecutionContext ctx) {
		String apiId = ctx.resolve(change.apiId());
		boolean throttled = change.rateLimit() > 0 || change.burstLimit() > 0;
		if (change.restApi()) {
			RestApiSecurityHandlers.stage(change, apiId, ctx);
			return;
		}
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		client.updateStage(b -> {
			b.apiId(apiId).stageName(change.stage());
			b.defaultRouteSettings(r -> r.throttlingRateLimit(throttled ? change.rateLimit() : null)
				.throttlingBurstLimit(throttled ? change.burstLimit() : null));
			if (change.accessLogArn() != null) {
				b.accessLogSettings(a -> a.destinationArn(change.accessLogArn()).format(change.accessLogFormat()));
			}
		});
		if (change.accessLogArn() == null) {
			try {
				client.deleteAccessLogSettings(b -> b.apiId(apiId).stageName(change.stage()));
			}
			catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException ex) {
				// none to remove
			}
		}
	}

	private static void usagePlan(HttpSecurityChanges.UsagePlan change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		if (change.action() == Action.DELETE) {
			try {
				client.deleteUsagePlan(b -> b.usagePlanId(change.id()));
			}
			catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
				// already gone
			}
			return;
		}
		String apiId = ctx.resolve(change.restApiId());
		// Named after the function: found again if an interrupted run made it.
		String id = client.getUsagePlans(b -> b.limit(500)).items().stream().filter(p -> change.name().equals(p.name()))
			.map(p -> p.id()).findFirst().orElseGet(() -> client.createUsagePlan(b -> {
				b.name(change.name()).apiStages(s -> s.apiId(apiId).stage(change.stage()));
				if (change.quotaLimit() > 0) {
					b.quota(q -> q.limit(change.quotaLimit()).period(change.quotaPeriod()));
				}
				if (change.rateLimit() > 0 || change.burstLimit() > 0) {
					b.throttle(t -> t.rateLimit(change.rateLimit()).burstLimit(change.burstLimit()));
				}
			}).id());
		ctx.output(Value.USAGE_PLAN_ID, id);
	}

	private static void apiKey(HttpSecurityChanges.ApiKey change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		if (change.action() == Action.DELETE) {
			if (change.usagePlanId() != null) {
				// Out of the usage plan first (deploy took the key off the settings; the plan may stay).
				String planId = ctx.resolve(change.usagePlanId());
				try {
					client.deleteUsagePlanKey(b -> b.usagePlanId(planId).keyId(change.id()));
				}
				catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
					// not in it
				}
			}
			try {
				client.deleteApiKey(b -> b.apiKey(change.id()));
			}
			catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
				// already gone
			}
			return;
		}
		String planId = ctx.resolve(change.usagePlanId());
		String keyId = (change.id() != null) ? change.id()
				: client.getApiKeys(b -> b.nameQuery(change.name()).limit(500)).items().stream()
					.filter(k -> change.name().equals(k.name())).map(k -> k.id()).findFirst()
					.orElseGet(() -> client.createApiKey(b -> b.name(change.name()).enabled(true).tags(change.tags())).id());
		try {
			client.createUsagePlanKey(b -> b.usagePlanId(planId).keyId(keyId).keyType("API_KEY"));
		}
		catch (software.amazon.awssdk.services.apigateway.model.ConflictException ex) {
			// in the plan already (an interrupted run)
		}
	}

	static PatchOperation patch(Op op, String path, String value) {
		return PatchOperation.builder().op(op).path(path).value(value).build();
	}

}
