package io.serverlessspring.boot.plainwebsocketapp;

import io.serverlessspring.boot.websocket.WebSocketRoute;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * An app (outside the library's own packages, which AppBeans skips) with a WebSocket route that takes only the message body: it compiles without
 * aws-lambda-java-events, yet the route needs it at run time to read the event.
 */
@SpringBootApplication
public class PlainWebSocketApplication {

	@Component
	public static class Echo {

		@WebSocketRoute("$default")
		public String echo(String body) {
			return body;
		}

	}

}
