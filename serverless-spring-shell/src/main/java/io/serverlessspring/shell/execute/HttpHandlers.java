package io.serverlessspring.shell.execute;

import java.util.List;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.HttpChanges;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.state.HttpStateReader;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The HTTP fronts, the permissions on the alias and custom domain mappings. */
final class HttpHandlers {

	private HttpHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(HttpChanges.HttpApi.class, HttpHandlers::httpApi);
		registry.on(HttpChanges.RestApi.class, HttpHandlers::restApi);
		registry.on(HttpChanges.FunctionUrl.class, HttpHandlers::functionUrl);
		registry.on(HttpChanges.Permission.class, HttpHandlers::permission);
		registry.on(HttpChanges.DomainMapping.class, (change, ctx) -> {
			try {
				ctx.clients().apiGatewayV2().deleteApiMapping(b -> b.domainName(change.domain()).apiMappingId(change.mappingId()));
			}
			catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException ex) {
				// already gone
			}
		});
	}

	private static void httpApi(HttpChanges.HttpApi change, ExecutionContext ctx) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		if (change.action() == Action.DELETE) {
			try {
				client.deleteApi(b -> b.apiId(change.id()));
			}
			catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException ex) {
				// already gone
			}
			return;
		}
		String apiId = change.id();
		if (change.action() == Action.CREATE) {
			apiId = client.createApi(b -> b.name(change.name()).protocolType(ProtocolType.HTTP)
				.description("Managed by serverless-spring for " + change.function()).tags(change.tags())).apiId();
		}
		String id = apiId;
		// Each part is looked up first, so an API an interrupted run left half-made is completed, not duplicated.
		String integration = client.getIntegrations(b -> b.apiId(id)).items().stream()
			.filter(i -> i.integrationUri() != null && i.integrationUri().contains(change.aliasArn()))
			.map(Integration::integrationId).findFirst().orElse(null);
		if (integration == null) {
			integration = client.createIntegration(b -> b.apiId(id)
				.integrationType(software.amazon.awssdk.services.apigatewayv2.model.IntegrationType.AWS_PROXY)
				.integrationUri(change.aliasArn()).integrationMethod("POST").payloadFormatVersion("2.0")).integrationId();
		}
		String target = "integrations/" + integration;
		Route existing = client.getRoutes(b -> b.apiId(id)).items().stream()
			.filter(r -> "$default".equals(r.routeKey())).findFirst().orElse(null);
		if (existing == null) {
			client.createRoute(b -> b.apiId(id).routeKey("$default").target(target));
		}
		else if (!target.equals(existing.target())) {
			client.updateRoute(b -> b.apiId(id).routeId(existing.routeId()).target(target));
		}
		if (client.getStages(b -> b.apiId(id)).items().stream().noneMatch(s -> "$default".equals(s.stageName()))) {
			HttpChanges.StageSettings settings = change.stage();
			client.createStage(b -> {
				b.apiId(id).stageName("$default").autoDeploy(true).tags(change.tags());
				if (settings != null && (settings.rateLimit() > 0 || settings.burstLimit() > 0)) {
					b.defaultRouteSettings(r -> r.throttlingRateLimit(settings.rateLimit())
						.throttlingBurstLimit(settings.burstLimit()));
				}
				if (settings != null && settings.accessLogArn() != null) {
					b.accessLogSettings(a -> a.destinationArn(settings.accessLogArn()).format(settings.accessLogFormat()));
				}
			});
		}
		ctx.output(Value.HTTP_API_ID, id);
		ctx.output(Value.URL, client.getApi(b -> b.apiId(id)).apiEndpoint());
	}

	private static void restApi(HttpChanges.RestApi change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		if (change.action() == Action.DELETE) {
			try {
				client.deleteRestApi(b -> b.restApiId(change.id()));
			}
			catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
				// already gone
			}
			return;
		}
		String id = (change.action() == Action.CREATE) ? client.createRestApi(b -> b.name(change.name())
			.description("Managed by serverless-spring for " + change.name())
			.endpointConfiguration(e -> e.types(EndpointType.REGIONAL)).tags(change.tags())).id() : change.id();
		String uri = Arns.lambdaInvocationUri(change.region(), change.aliasArn());
		String rootId = null;
		String proxyId = null;
		for (Resource resource : client.getResources(b -> b.restApiId(id).limit(500)).items()) {
			if ("/".equals(resource.path())) {
				rootId = resource.id();
			}
			if ("/{proxy+}".equals(resource.path())) {
				proxyId = resource.id();
			}
		}
		String parent = rootId;
		if (proxyId == null) {
			proxyId = client.createResource(b -> b.restApiId(id).parentId(parent).pathPart("{proxy+}")).id();
		}
		for (String resourceId : List.of(rootId, proxyId)) {
			try {
				client.putMethod(b -> b.restApiId(id).resourceId(resourceId).httpMethod("ANY")
					.authorizationType(change.methodAuthorization() != null ? change.methodAuthorization() : "NONE")
					.apiKeyRequired(change.apiKeyRequired()));
			}
			catch (ConflictException ex) {
				// method already there
			}
			client.putIntegration(b -> b.restApiId(id).resourceId(resourceId).httpMethod("ANY")
				.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri));
		}
		if (client.getStages(b -> b.restApiId(id)).item().stream().noneMatch(s -> change.stage().equals(s.stageName()))) {
			client.createDeployment(b -> b.restApiId(id).stageName(change.stage()));
		}
		ctx.output(Value.REST_API_ID, id);
		ctx.output(Value.URL, HttpStateReader.restApiUrl(ctx.clients().target(), id, change.stage()));
	}

	private static void functionUrl(HttpChanges.FunctionUrl change, ExecutionContext ctx) {
		var lambda = ctx.clients().lambda();
		switch (change.action()) {
			case CREATE -> {
				try {
					ctx.output(Value.URL, lambda.createFunctionUrlConfig(b -> b.functionName(change.function())
						.qualifier(change.qualifier()).authType(change.authType())).functionUrl());
				}
				catch (ResourceConflictException ex) {
					ctx.output(Value.URL, lambda.updateFunctionUrlConfig(b -> b.functionName(change.function())
						.qualifier(change.qualifier()).authType(change.authType())).functionUrl());
				}
			}
			case UPDATE, REPLACE -> ctx.output(Value.URL, lambda.updateFunctionUrlConfig(b -> b.functionName(change.function())
				.qualifier(change.qualifier()).authType(change.authType())).functionUrl());
			case DELETE -> {
				try {
					lambda.deleteFunctionUrlConfig(b -> b.functionName(change.function()).qualifier(change.qualifier()));
				}
				catch (ResourceNotFoundException ex) {
					// already gone
				}
			}
		}
	}

	private static void permission(HttpChanges.Permission change, ExecutionContext ctx) {
		var lambda = ctx.clients().lambda();
		if (change.action() == Action.DELETE || change.action() == Action.REPLACE) {
			try {
				lambda.removePermission(b -> b.functionName(change.function()).qualifier(change.qualifier())
					.statementId(change.statementId()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			catch (software.amazon.awssdk.services.lambda.model.LambdaException ex) {
				if (ex.statusCode() != 404) {
					throw ex;
				}
				// already gone (an emulator may answer 404 without the error code)
			}
			if (change.action() == Action.DELETE) {
				return;
			}
		}
		String source = ctx.resolve(change.sourceArn());
		try {
			lambda.addPermission(b -> b.functionName(change.function()).qualifier(change.qualifier())
				.statementId(change.statementId()).action(change.lambdaAction()).principal(change.principal())
				.sourceArn(source).sourceAccount(change.sourceAccount())
				.functionUrlAuthType(change.functionUrlAuthType() != null
						? FunctionUrlAuthType.fromValue(change.functionUrlAuthType()) : null));
		}
		catch (ResourceConflictException ex) {
			// granted by an earlier, interrupted run
		}
	}

}
