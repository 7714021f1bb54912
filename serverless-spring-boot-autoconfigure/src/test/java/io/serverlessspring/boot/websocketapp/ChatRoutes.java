package io.serverlessspring.boot.websocketapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.serverlessspring.boot.websocket.WebSocketConnections;
import io.serverlessspring.boot.websocket.WebSocketRoute;

import org.springframework.stereotype.Component;

/** A chat room: who connects, what they send (echoed back through the management API), who leaves. */
@Component
public class ChatRoutes {

	private final WebSocketConnections connections;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	public ChatRoutes(WebSocketConnections connections) {
		this.connections = connections;
	}

	/** Refuses the room {@code closed}; records everyone else. */
	@WebSocketRoute("$connect")
	public APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
		String room = (event.getQueryStringParameters() != null) ? event.getQueryStringParameters().get("room") : null;
		this.calls.add("connect(" + event.getRequestContext().getConnectionId() + "," + room + ")");
		APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
		response.setStatusCode("closed".equals(room) ? 403 : 200);
		return response;
	}

	/** {@code {"action":"sendmessage","text":…}}: the text goes back to the sender, through the management API. */
	@WebSocketRoute("sendmessage")
	public void send(ChatMessage message, Context context, APIGatewayV2WebSocketEvent event) {
		String connectionId = event.getRequestContext().getConnectionId();
		this.calls.add("send(" + connectionId + "," + message.text() + ")");
		this.connections.send(connectionId, "you said: " + message.text());
	}

	/** Anything else: echoed as the integration response. */
	@WebSocketRoute("$default")
	public Map<String, String> echo(String body) {
		this.calls.add("echo(" + body + ")");
		return Map.of("echo", body);
	}

	@WebSocketRoute("$disconnect")
	public void disconnect(APIGatewayV2WebSocketEvent event) {
		this.calls.add("disconnect(" + event.getRequestContext().getConnectionId() + ","
				+ event.getRequestContext().getEventType() + ")");
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	public void clear() {
		this.calls.clear();
	}

	/** A message of the {@code sendmessage} route. */
	public record ChatMessage(String action, String text) {
	}

}
