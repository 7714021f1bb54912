package io.serverlessspring.shell.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.plan.ActualStage;
import io.serverlessspring.shell.plan.Planner;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The HTTP fronts (HTTP API, REST API, function URL) and the permissions letting them invoke the alias. */
public final class HttpActions {

	private HttpActions() {
	}

	// ---- HTTP API (API Gateway v2)

	public static void createHttpApi(ApplyContext ctx) {
		CreateApiResponse api = ctx.clients()
			.apiGatewayV2()
			.createApi(b -> b.name(ctx.desired().http().name())
				.protocolType(ProtocolType.HTTP)
				.description("Managed by serverless-spring for " + ctx.desired().functionName())
				.tags(ctx.desired().tags()));
		ctx.setHttpApiId(api.apiId());
		ctx.setUrl(api.apiEndpoint());
		completeHttpApi(ctx, new ActualStage.ActualHttpApi(api.apiId(), api.apiEndpoint(), ctx.desired().tags(),
				Map.of(), Map.of(), java.util.Set.of()));
	}

	/** What an existing HTTP API lacks, as words for the plan; empty when complete. */
	public static String missingHttpApiParts(ActualStage.ActualHttpApi api, String aliasArn) {
		List<String> missing = new ArrayList<>();
		String integration = integrationFor(api.integrations(), aliasArn);
		if (integration == null) {
			missing.add("integration -> " + Names.ALIAS);
		}
		String target = api.routes().get("$default");
		if (target == null || integration == null || !target.equals("integrations/" + integration)) {
			missing.add("route $default");
		}
		if (!api.stages().contains("$default")) {
			missing.add("stage $default");
		}
		return String.join(", ", missing);
	}

	public static void completeHttpApi(ApplyContext ctx, ActualStage.ActualHttpApi api) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		String apiId = api.id();
		String aliasArn = ctx.desired().aliasArn();
		String integration = integrationFor(api.integrations(), aliasArn);
		if (integration == null) {
			integration = client
				.createIntegration(b -> b.apiId(apiId)
					.integrationType(software.amazon.awssdk.services.apigatewayv2.model.IntegrationType.AWS_PROXY)
					.integrationUri(aliasArn)
					.integrationMethod("POST")
					.payloadFormatVersion("2.0"))
				.integrationId();
		}
		String target = "integrations/" + integration;
		Route existing = null;
		for (Route route : client.getRoutes(b -> b.apiId(apiId)).items()) {
			if ("$default".equals(route.routeKey())) {
				existing = route;
			}
		}
		if (existing == null) {
			client.createRoute(b -> b.apiId(apiId).routeKey("$default").target(target));
		}
		else if (!target.equals(existing.target())) {
			String routeId = existing.routeId();
			client.updateRoute(b -> b.apiId(apiId).routeId(routeId).target(target));
		}
		if (!api.stages().contains("$default")) {
			client.createStage(b -> b.apiId(apiId).stageName("$default").autoDeploy(true).tags(ctx.desired().tags()));
		}
		GetApiResponse current = client.getApi(b -> b.apiId(apiId));
		ctx.setHttpApiId(apiId);
		ctx.setUrl(current.apiEndpoint());
	}

	public static void deleteHttpApi(ApplyContext ctx, String id) {
		try {
			ctx.clients().apiGatewayV2().deleteApi(b -> b.apiId(id));
		}
		catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException ex) {
			// already gone
		}
	}

	static String integrationFor(Map<String, String> integrations, String aliasArn) {
		for (Map.Entry<String, String> entry : integrations.entrySet()) {
			if (entry.getValue() != null && entry.getValue().contains(aliasArn)) {
				return entry.getKey();
			}
		}
		return null;
	}

	/** Integrations of an API as id to URI. */
	public static Map<String, String> integrations(ApiGatewayV2Client client, String apiId) {
		Map<String, String> result = new java.util.LinkedHashMap<>();
		for (Integration integration : client.getIntegrations(b -> b.apiId(apiId)).items()) {
			result.put(integration.integrationId(), integration.integrationUri());
		}
		return result;
	}

	// ---- REST API (API Gateway v1)

	public static void createRestApi(ApplyContext ctx) {
		String id = ctx.clients()
			.apiGateway()
			.createRestApi(b -> b.name(ctx.desired().http().name())
				.description("Managed by serverless-spring for " + ctx.desired().functionName())
				.endpointConfiguration(e -> e.types(EndpointType.REGIONAL))
				.tags(ctx.desired().tags()))
			.id();
		ctx.setRestApiId(id);
		completeRestApi(ctx, id);
	}

	public static void completeRestApi(ApplyContext ctx, String id) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		DesiredStage desired = ctx.desired();
		String uri = "arn:aws:apigateway:" + desired.region() + ":lambda:path/2015-03-31/functions/" + desired.aliasArn()
				+ "/invocations";
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
				client.putMethod(b -> b.restApiId(id).resourceId(resourceId).httpMethod("ANY").authorizationType("NONE"));
			}
			catch (ConflictException ex) {
				// method already there
			}
			client.putIntegration(b -> b.restApiId(id)
				.resourceId(resourceId)
				.httpMethod("ANY")
				.type(IntegrationType.AWS_PROXY)
				.integrationHttpMethod("POST")
				.uri(uri));
		}
		boolean stageExists = client.getStages(b -> b.restApiId(id))
			.item()
			.stream()
			.anyMatch(stage -> desired.stage().equals(stage.stageName()));
		if (!stageExists) {
			client.createDeployment(b -> b.restApiId(id).stageName(desired.stage()));
		}
		ctx.setRestApiId(id);
		ctx.setUrl(restApiUrl(ctx, id));
	}

	public static String restApiUrl(ApplyContext ctx, String id) {
		return restApiUrl(ctx.clients().target(), id, ctx.desired().stage());
	}

	/**
	 * A REST API stage's invoke URL: the execute-api host on AWS; on an emulator (endpoint
	 * override) the local form {@code <endpoint>/restapis/<id>/<stage>/_user_request_/}, which
	 * serverless-local (and LocalStack) serve.
	 */
	public static String restApiUrl(io.serverlessspring.shell.aws.AwsTarget target, String id, String stage) {
		if (target.emulated()) {
			String endpoint = target.endpoint().toString();
			endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
			return endpoint + "/restapis/" + id + "/" + stage + "/_user_request_/";
		}
		return "https://" + id + ".execute-api." + target.region() + ".amazonaws.com/" + stage + "/";
	}

	public static void deleteRestApi(ApplyContext ctx, String id) {
		try {
			ctx.clients().apiGateway().deleteRestApi(b -> b.restApiId(id));
		}
		catch (software.amazon.awssdk.services.apigateway.model.NotFoundException ex) {
			// already gone
		}
	}

	// ---- permissions on the live alias

	public static void grantApiGateway(ApplyContext ctx, boolean replace) {
		DesiredStage desired = ctx.desired();
		String apiId = (ctx.httpApiId() != null) ? ctx.httpApiId() : ctx.restApiId();
		if (replace) {
			removePermission(ctx, Planner.HTTP_PERMISSION);
		}
		ctx.clients()
			.lambda()
			.addPermission(b -> b.functionName(desired.functionName())
				.qualifier(Names.ALIAS)
				.statementId(Planner.HTTP_PERMISSION)
				.action("lambda:InvokeFunction")
				.principal("apigateway.amazonaws.com")
				.sourceArn("arn:aws:execute-api:" + desired.region() + ":" + desired.account() + ":" + apiId + "/*"));
	}

	public static void grantPublicUrl(ApplyContext ctx) {
		ctx.clients()
			.lambda()
			.addPermission(b -> b.functionName(ctx.desired().functionName())
				.qualifier(Names.ALIAS)
				.statementId(Planner.URL_PERMISSION)
				.action("lambda:InvokeFunctionUrl")
				.principal("*")
				.functionUrlAuthType(FunctionUrlAuthType.NONE));
	}

	public static void removePermission(ApplyContext ctx, String statementId) {
		try {
			ctx.clients()
				.lambda()
				.removePermission(b -> b.functionName(ctx.desired().functionName()).qualifier(Names.ALIAS).statementId(statementId));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

	// ---- function URL

	public static void createFunctionUrl(ApplyContext ctx) {
		String url = ctx.clients()
			.lambda()
			.createFunctionUrlConfig(b -> b.functionName(ctx.desired().functionName())
				.qualifier(Names.ALIAS)
				.authType(ctx.desired().http().functionUrlAuth()))
			.functionUrl();
		ctx.setUrl(url);
	}

	public static void updateFunctionUrl(ApplyContext ctx) {
		String url = ctx.clients()
			.lambda()
			.updateFunctionUrlConfig(b -> b.functionName(ctx.desired().functionName())
				.qualifier(Names.ALIAS)
				.authType(ctx.desired().http().functionUrlAuth()))
			.functionUrl();
		ctx.setUrl(url);
	}

	public static void deleteFunctionUrl(ApplyContext ctx) {
		try {
			ctx.clients()
				.lambda()
				.deleteFunctionUrlConfig(b -> b.functionName(ctx.desired().functionName()).qualifier(Names.ALIAS));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

}
