package io.serverlessspring.samples.petstore.chat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.serverlessspring.boot.websocket.WebSocketConnections;
import io.serverlessspring.boot.websocket.WebSocketRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A chat about pets on the stage's WebSocket API (docs/http.md, "WebSocket APIs"): on the stages
 * that set {@code petstore.chat.enabled} (the {@code chat} stage). A message
 * {@code {"action":"ask","pet":"rex"}} is answered through the management API; a message without a
 * known action gets the {@code $default} answer.
 */
@Component
@ConditionalOnProperty(name = "petstore.chat.enabled", havingValue = "true")
public class PetChat {

	private static final Logger logger = LoggerFactory.getLogger(PetChat.class);

	private final WebSocketConnections connections;

	public PetChat(WebSocketConnections connections) {
		this.connections = connections;
	}

	@WebSocketRoute("$connect")
	public void connect(APIGatewayV2WebSocketEvent event) {
		logger.info("Chat: {} connected", event.getRequestContext().getConnectionId());
	}

	/** {@code {"action":"ask","pet":"rex"}}: the reply is pushed to the asker. */
	@WebSocketRoute("ask")
	public void ask(Question question, APIGatewayV2WebSocketEvent event) {
		this.connections.send(event.getRequestContext().getConnectionId(),
				"{\"pet\":\"" + question.pet() + "\",\"answer\":\"" + question.pet() + " is a good pet\"}");
	}

	@WebSocketRoute("$default")
	public String unknown(String body) {
		return "Ask about a pet: {\"action\":\"ask\",\"pet\":\"rex\"}";
	}

	@WebSocketRoute("$disconnect")
	public void disconnect(APIGatewayV2WebSocketEvent event) {
		logger.info("Chat: {} left", event.getRequestContext().getConnectionId());
	}

	/** A chat message of the {@code ask} route. */
	public record Question(String action, String pet) {
	}

}
