package io.serverlessspring.shell.state;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;

/** The API Gateway v2 reads the HTTP API and the WebSocket API share: finding an API, listing its parts. */
final class ApiGatewayV2Apis {

	private ApiGatewayV2Apis() {
	}

	/** The first API (every page) that {@code ours} accepts, or {@code null}. */
	static Api find(ApiGatewayV2Client client, Predicate<Api> ours) {
		String token = null;
		do {
			String next = token;
			GetApisResponse page = client.getApis(b -> b.nextToken(next));
			for (Api api : page.items()) {
				if (ours.test(api)) {
					return api;
				}
			}
			token = page.nextToken();
		}
		while (token != null && !token.isEmpty());
		return null;
	}

	/** Route key to target. */
	static Map<String, String> routes(ApiGatewayV2Client client, String apiId) {
		Map<String, String> routes = new LinkedHashMap<>();
		for (Route route : client.getRoutes(b -> b.apiId(apiId)).items()) {
			routes.put(route.routeKey(), route.target());
		}
		return routes;
	}

	static Set<String> stages(ApiGatewayV2Client client, String apiId) {
		Set<String> stages = new LinkedHashSet<>();
		for (Stage stage : client.getStages(b -> b.apiId(apiId)).items()) {
			stages.add(stage.stageName());
		}
		return stages;
	}

	/** Integration id to URI. */
	static Map<String, String> integrations(ApiGatewayV2Client client, String apiId) {
		Map<String, String> integrations = new LinkedHashMap<>();
		for (Integration integration : client.getIntegrations(b -> b.apiId(apiId)).items()) {
			integrations.put(integration.integrationId(), integration.integrationUri());
		}
		return integrations;
	}

}
