package io.serverlessspring.boot.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * {@link WebSocketConnections} on the SDK's {@code ApiGatewayManagementApiClient}: one client per
 * endpoint (built on first use, URL-connection HTTP client, the SDK's region and credentials).
 */
final class ManagementApiConnections implements WebSocketConnections {

	private static final String SDK_RESOLVED = "";

	private final WebSocketEndpoints endpoints;

	private final Map<String, ApiGatewayManagementApiClient> clients = new ConcurrentHashMap<>();

	ManagementApiConnections(WebSocketEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public boolean send(String connectionId, String message) {
		return send(connectionId, message.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public boolean send(String connectionId, byte[] message) {
		try {
			client().postToConnection((b) -> b.connectionId(connectionId).data(SdkBytes.fromByteArray(message)));
			return true;
		}
		catch (GoneException ex) {
			return false;
		}
	}

	@Override
	public boolean close(String connectionId) {
		try {
			client().deleteConnection((b) -> b.connectionId(connectionId));
			return true;
		}
		catch (GoneException ex) {
			return false;
		}
	}

	private ApiGatewayManagementApiClient client() {
		URI endpoint = this.endpoints.endpointOverride();
		String key = Optional.ofNullable(endpoint).map(URI::toString).orElse(SDK_RESOLVED);
		return this.clients.computeIfAbsent(key, (k) -> {
			ApiGatewayManagementApiClientBuilder builder = ApiGatewayManagementApiClient.builder()
				.httpClientBuilder(UrlConnectionHttpClient.builder());
			if (endpoint != null) {
				builder.endpointOverride(endpoint);
			}
			return builder.build();
		});
	}

}
