package io.serverlessspring.shell.execute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.HttpSecuritySpec;
import io.serverlessspring.shell.plan.HttpSecurityChanges;
import io.serverlessspring.shell.plan.Value;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Resource;

import static io.serverlessspring.shell.execute.HttpSecurityHandlers.patch;

/** What guards a REST API: its settings, authorizer, methods' authorization, CORS, stage throttling and access log. */
final class RestApiSecurityHandlers {

	private RestApiSecurityHandlers() {
	}

	static void settings(HttpSecurityChanges.RestSettings change, ExecutionContext ctx) {
		String id = ctx.resolve(change.restApiId());
		List<PatchOperation> patches = new ArrayList<>();
		// VPC endpoints leave before the type changes from PRIVATE, and come after it changes to PRIVATE.
		change.removeVpcEndpointIds().forEach(endpoint -> patches.add(patch(Op.REMOVE, "/endpointConfiguration/vpcEndpointIds", endpoint)));
		if (!change.endpointType().equals(change.endpointTypeBefore())) {
			patches.add(patch(Op.REPLACE, "/endpointConfiguration/types/" + change.endpointTypeBefore(), change.endpointType()));
		}
		change.removeBinaryMediaTypes().forEach(type -> patches.add(patch(Op.REMOVE, "/binaryMediaTypes/" + type.replace("/", "~1"), null)));
		change.addBinaryMediaTypes().forEach(type -> patches.add(patch(Op.ADD, "/binaryMediaTypes/" + type.replace("/", "~1"), null)));
		change.addVpcEndpointIds().forEach(endpoint -> patches.add(patch(Op.ADD, "/endpointConfiguration/vpcEndpointIds", endpoint)));
		if (change.resourcePolicy() != null) {
			// An empty policy removes it.
			patches.add(patch(Op.REPLACE, "/policy", change.resourcePolicy()));
		}
		ctx.clients().apiGateway().updateRestApi(b -> b.restApiId(id).patchOperations(patches));
	}

	static void authorizer(HttpSecurityChanges.RestAuthorizer change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		String apiId = ctx.resolve(change.restApiId());
		switch (change.action()) {
			case DELETE -> {
				try {
					client.deleteAuthorizer(b -> b.restApiId(apiId).authorizerId(change.id()));
				}
				catch (NotFoundException ex) {
					// already gone
				}
			}
			case UPDATE, REPLACE -> {
				List<PatchOperation> patches = new ArrayList<>();
				patches.add(patch(Op.REPLACE, "/type", change.type()));
				patches.add(patch(Op.REPLACE, "/identitySource", change.identitySource()));
				if (change.uri() != null) {
					patches.add(patch(Op.REPLACE, "/authorizerUri", change.uri()));
					patches.add(patch(Op.REPLACE, "/authorizerResultTtlInSeconds", Integer.toString(change.ttlSeconds())));
				}
				change.providerArnsBefore().stream().filter(arn -> !change.providerArns().contains(arn))
					.forEach(arn -> patches.add(patch(Op.REMOVE, "/providerARNs/" + arn.replace("~", "~0").replace("/", "~1"), null)));
				change.providerArns().stream().filter(arn -> !change.providerArnsBefore().contains(arn))
					.forEach(arn -> patches.add(patch(Op.ADD, "/providerARNs", arn)));
				client.updateAuthorizer(b -> b.restApiId(apiId).authorizerId(change.id()).patchOperations(patches));
				ctx.output(Value.AUTHORIZER_ID, change.id());
			}
			case CREATE -> {
				// Named per stage: found again if an interrupted run made it.
				String id = client.getAuthorizers(b -> b.restApiId(apiId).limit(500)).items().stream()
					.filter(a -> change.name().equals(a.name())).map(a -> a.id()).findFirst()
					.orElseGet(() -> client.createAuthorizer(b -> {
						b.restApiId(apiId).name(change.name()).type(AuthorizerType.fromValue(change.type()))
							.identitySource(change.identitySource());
						if (change.uri() != null) {
							b.authorizerUri(change.uri()).authorizerResultTtlInSeconds(change.ttlSeconds());
						}
						else {
							b.providerARNs(change.providerArns());
						}
					}).id());
				ctx.output(Value.AUTHORIZER_ID, id);
			}
		}
	}

	static void methods(HttpSecurityChanges.RestMethods change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		String id = ctx.resolve(change.restApiId());
		String authorizer = ctx.resolve(change.authorizerId());
		for (Resource resource : anyResources(client, id)) {
			List<PatchOperation> patches = new ArrayList<>();
			if (change.authorizationType() != null) {
				patches.add(patch(Op.REPLACE, "/authorizationType", change.authorizationType()));
				if (authorizer != null) {
					patches.add(patch(Op.REPLACE, "/authorizerId", authorizer));
				}
				else if (client.getMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("ANY")).authorizerId() != null) {
					// detached, so the authorizer can be deleted
					patches.add(patch(Op.REMOVE, "/authorizerId", null));
				}
			}
			patches.add(patch(Op.REPLACE, "/apiKeyRequired", Boolean.toString(change.apiKeyRequired())));
			client.updateMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("ANY").patchOperations(patches));
		}
		client.createDeployment(b -> b.restApiId(id).stageName(change.stage()).description("methods: authorization, API keys"));
	}

	/**
	 * An OPTIONS mock beside each ANY method (made anew, so a changed header is replaced) answering 204 with
	 * the CORS headers, and those headers on the DEFAULT_4XX/5XX gateway responses; then the stage is redeployed.
	 */
	static void cors(HttpSecurityChanges.RestCors change, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		String id = ctx.resolve(change.restApiId());
		for (Resource resource : anyResources(client, id)) {
			if (resource.resourceMethods().containsKey("OPTIONS")) {
				try {
					client.deleteMethod(b -> b.restApiId(id).resourceId(resource.id()).httpMethod("OPTIONS"));
				}
				catch (NotFoundException ex) {
					// already gone
				}
			}
			if (change.preflightHeaders() != null) {
				preflight(client, id, resource.id(), change.preflightHeaders());
			}
		}
		for (String type : HttpSecuritySpec.CORS_GATEWAY_RESPONSES) {
			if (change.gatewayHeaders() != null) {
				client.putGatewayResponse(b -> b.restApiId(id).responseType(type)
					.responseParameters(quoted(change.gatewayHeaders(), "gatewayresponse.header.")));
			}
			else {
				try {
					client.deleteGatewayResponse(b -> b.restApiId(id).responseType(type));
				}
				catch (NotFoundException ex) {
					// not set
				}
			}
		}
		client.createDeployment(b -> b.restApiId(id).stageName(change.stage()).description("CORS"));
	}

	private static void preflight(ApiGatewayClient client, String id, String resourceId, Map<String, String> headers) {
		Map<String, String> parameters = quoted(headers, "method.response.header.");
		Map<String, Boolean> declared = new LinkedHashMap<>();
		parameters.keySet().forEach(name -> declared.put(name, true));
		client.putMethod(b -> b.restApiId(id).resourceId(resourceId).httpMethod("OPTIONS").authorizationType("NONE"));
		client.putMethodResponse(b -> b.restApiId(id).resourceId(resourceId).httpMethod("OPTIONS").statusCode("204")
			.responseParameters(declared));
		client.putIntegration(b -> b.restApiId(id).resourceId(resourceId).httpMethod("OPTIONS").type(IntegrationType.MOCK)
			.requestTemplates(Map.of("application/json", "{\"statusCode\": 204}")));
		client.putIntegrationResponse(b -> b.restApiId(id).resourceId(resourceId).httpMethod("OPTIONS").statusCode("204")
			.responseParameters(parameters));
	}

	/** {@code name -> value} as API Gateway's static mapping {@code prefix + name -> 'value'}. */
	private static Map<String, String> quoted(Map<String, String> headers, String prefix) {
		Map<String, String> parameters = new LinkedHashMap<>();
		headers.forEach((name, value) -> parameters.put(prefix + name, "'" + value + "'"));
		return parameters;
	}

	/** Throttling of every method ({@code * / *}) and the access log of a REST API stage. */
	static void stage(HttpSecurityChanges.ApiStage change, String apiId, ExecutionContext ctx) {
		ApiGatewayClient client = ctx.clients().apiGateway();
		var stage = client.getStage(b -> b.restApiId(apiId).stageName(change.stage()));
		List<PatchOperation> patches = new ArrayList<>();
		if (change.rateLimit() > 0 || change.burstLimit() > 0) {
			patches.add(patch(Op.REPLACE, "/*/*/throttling/rateLimit", Double.toString(change.rateLimit())));
			patches.add(patch(Op.REPLACE, "/*/*/throttling/burstLimit", Integer.toString(change.burstLimit())));
		}
		else if (stage.methodSettings().containsKey("*/*")) {
			patches.add(patch(Op.REMOVE, "/*/*/throttling/rateLimit", null));
			patches.add(patch(Op.REMOVE, "/*/*/throttling/burstLimit", null));
		}
		if (change.accessLogArn() != null) {
			patches.add(patch(Op.REPLACE, "/accessLogSettings/destinationArn", change.accessLogArn()));
			patches.add(patch(Op.REPLACE, "/accessLogSettings/format", change.accessLogFormat()));
		}
		else if (stage.accessLogSettings() != null && stage.accessLogSettings().destinationArn() != null) {
			patches.add(patch(Op.REMOVE, "/accessLogSettings", null));
		}
		if (!patches.isEmpty()) {
			client.updateStage(b -> b.restApiId(apiId).stageName(change.stage()).patchOperations(patches));
		}
	}

	private static List<Resource> anyResources(ApiGatewayClient client, String id) {
		return client.getResources(b -> b.restApiId(id).limit(500)).items().stream()
			.filter(r -> r.resourceMethods() != null && r.resourceMethods().containsKey("ANY"))
			.toList();
	}

}
