package io.serverlessspring.shell.model;

import java.util.List;

import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.boot.naming.ResourceNames;

/**
 * The stage's WebSocket API, from the manifest's {@code @WebSocketRoute} keys: one Lambda proxy
 * integration to the live alias, a route per key, a stage named after the serverless stage.
 *
 * @param name the API's name ({@link ResourceNames#webSocketApi})
 * @param routeSelection the route selection expression
 * @param routeKeys the route keys, sorted
 * @param stageName the API stage clients connect to ({@code wss://…/<stage>})
 */
public record WebSocketSpec(String name, String routeSelection, List<String> routeKeys, String stageName) {

	public WebSocketSpec {
		routeKeys = List.copyOf(routeKeys);
	}

	/** The API the manifest asks for, or {@code null} when the app has no WebSocket route. */
	public static WebSocketSpec of(DeploymentManifest manifest, String function, String stage, String defaultRouteSelection) {
		List<String> keys = manifest.webSocket().routeKeys().stream().sorted().toList();
		if (keys.isEmpty()) {
			return null;
		}
		String selection = manifest.webSocket().routeSelection();
		return new WebSocketSpec(ResourceNames.webSocketApi(function),
				(selection != null && !selection.isBlank()) ? selection : defaultRouteSelection, keys, stage);
	}

}
