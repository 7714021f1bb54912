package io.serverlessspring.boot.websocket;

/**
 * Sends to and closes the clients connected to the stage's WebSocket API, through API Gateway's
 * management API ({@code POST/DELETE @connections/{id}}). The connection id comes from the events
 * ({@code requestContext.connectionId}); keep it (e.g. in a table) on {@code $connect} to push later.
 *
 * <p>A bean when {@code software.amazon.awssdk:apigatewaymanagementapi} is on the class path; its
 * client is built on first use (no cold-start cost). The function's role is granted
 * {@code execute-api:ManageConnections} on the stage's API by deploy.
 */
public interface WebSocketConnections {

	/**
	 * Sends a text message.
	 * @return {@code false} when the client is gone (API Gateway's 410), so a broadcast can forget it
	 */
	boolean send(String connectionId, String message);

	/** Sends a binary message; {@code false} when the client is gone. */
	boolean send(String connectionId, byte[] message);

	/** Closes the connection; {@code false} when it was already gone. */
	boolean close(String connectionId);

}
