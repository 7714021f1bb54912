package io.serverlessspring.shell.state;

import java.util.Map;
import java.util.Set;

/**
 * The stage's WebSocket API as it exists: found by name and our tags.
 *
 * @param routes route key to target ({@code integrations/<id>})
 * @param integrations integration id to URI
 */
public record ActualWebSocketApi(String id, String endpoint, String routeSelection, Map<String, String> tags,
		Map<String, String> integrations, Map<String, String> routes, Set<String> stages) {
}
