package io.serverlessspring.shell.state;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.StageTags;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** Reads the stage's WebSocket API (API Gateway v2, protocol WEBSOCKET) by name and tags. Read-only calls. */
public final class WebSocketStateReader {

	private WebSocketStateReader() {
	}

	/** The WebSocket API named after the function and tagged as ours, or {@code null}. */
	public static ActualWebSocketApi webSocketApi(AwsClients clients, String function) {
		ApiGatewayV2Client client = clients.apiGatewayV2();
		Api api = ApiGatewayV2Apis.find(client, (candidate) -> ResourceNames.webSocketApi(function).equals(candidate.name())
				&& candidate.protocolType() == ProtocolType.WEBSOCKET && candidate.tags() != null
				&& StageTags.ours(candidate.tags(), function));
		if (api == null) {
			return null;
		}
		return new ActualWebSocketApi(api.apiId(), api.apiEndpoint(), api.routeSelectionExpression(), api.tags(),
				ApiGatewayV2Apis.integrations(client, api.apiId()), ApiGatewayV2Apis.routes(client, api.apiId()),
				ApiGatewayV2Apis.stages(client, api.apiId()));
	}

}
