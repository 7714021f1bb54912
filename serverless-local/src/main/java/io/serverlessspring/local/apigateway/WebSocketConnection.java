package io.serverlessspring.local.apigateway;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.java_websocket.WebSocket;

/**
 * One client connected to a WebSocket API stage: its id (what the events and the management API
 * name it by), where it connected, and the socket.
 */
record WebSocketConnection(String id, String apiId, String stage, String domainName, Instant connectedAt,
		String sourceIp, String userAgent, Map<String, List<String>> headers, Map<String, List<String>> query,
		WebSocket socket) {
}
