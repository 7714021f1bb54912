package io.serverlessspring.shell.execute;

import java.util.List;

import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.WebSocketChanges;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** The stage's WebSocket API. */
final class WebSocketHandlers {

	private WebSocketHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(WebSocketChanges.WebSocketApi.class, WebSocketHandlers::webSocketApi);
	}

	private static void webSocketApi(WebSocketChanges.WebSocketApi change, ExecutionContext ctx) {
		ApiGatewayV2Client client = ctx.clients().apiGatewayV2();
		if (change.action() == Action.DELETE) {
			try {
				client.deleteApi(b -> b.apiId(change.id()));
			}
			catch (NotFoundException ex) {
				// already gone
			}
			return;
		}
		String id = (change.action() == Action.CREATE)
				? client.createApi(b -> b.name(change.name()).protocolType(ProtocolType.WEBSOCKET)
					.routeSelectionExpression(change.routeSelection())
					.description("Managed by serverless-spring for " + change.function()).tags(change.tags())).apiId()
				: change.id();
		if (change.action() != Action.CREATE) {
			client.updateApi(b -> b.apiId(id).routeSelectionExpression(change.routeSelection()));
		}
		// Each part is looked up first, so an API an interrupted run left half-made is completed, not duplicated.
		String integration = client.getIntegrations(b -> b.apiId(id)).items().stream()
			.filter(i -> i.integrationUri() != null && i.integrationUri().contains(change.aliasArn()))
			.map(Integration::integrationId).findFirst().orElse(null);
		if (integration == null) {
			String uri = io.serverlessspring.boot.naming.Arns.lambdaInvocationUri(change.region(), change.aliasArn());
			integration = client.createIntegration(b -> b.apiId(id).integrationType(IntegrationType.AWS_PROXY)
				.integrationUri(uri).integrationMethod("POST")).integrationId();
		}
		String target = "integrations/" + integration;
		List<Route> routes = client.getRoutes(b -> b.apiId(id)).items();
		for (Route route : routes) {
			if (!change.routeKeys().contains(route.routeKey())) {
				client.deleteRoute(b -> b.apiId(id).routeId(route.routeId()));
			}
			else if (!target.equals(route.target())) {
				client.updateRoute(b -> b.apiId(id).routeId(route.routeId()).target(target));
			}
		}
		for (String key : change.routeKeys()) {
			if (routes.stream().noneMatch(r -> key.equals(r.routeKey()))) {
				client.createRoute(b -> b.apiId(id).routeKey(key).target(target));
			}
		}
		if (client.getStages(b -> b.apiId(id)).items().stream().noneMatch(s -> change.stageName().equals(s.stageName()))) {
			client.createStage(b -> b.apiId(id).stageName(change.stageName()).autoDeploy(true).tags(change.tags()));
		}
		ctx.output(WebSocketChanges.API_ID, id);
		ctx.output(WebSocketChanges.URL, client.getApi(b -> b.apiId(id)).apiEndpoint() + "/" + change.stageName());
	}

}
