package io.serverlessspring.boot.websocket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.websocketapp.ChatApplication;

/**
 * Runs in a child JVM that logs each class it loads to standard output: starts the chat app (HTTP
 * and WebSocket) through {@code ServerlessHandler}, sends an HTTP API event, then a WebSocket
 * connect, printing a line after each so the log shows which classes each one needed.
 */
public final class ColdPathProbe {

	static final String AFTER_HTTP = "probe: http answered";

	static final String AFTER_WEBSOCKET = "probe: websocket answered";

	private ColdPathProbe() {
	}

	public static void main(String[] args) throws Exception {
		ServerlessHandler handler = new ServerlessHandler(ChatApplication.class);
		String http = handler.invoke(event("/events/http-api-v2/get-pet.json"));
		say(AFTER_HTTP + " " + http.contains("\"statusCode\""));
		String webSocket = handler.invoke(event("/events/apigw-websocket/connect.json"));
		say(AFTER_WEBSOCKET + " " + webSocket.replaceAll("\\s", ""));
		System.exit(0);
	}

	private static String event(String resource) throws Exception {
		try (InputStream in = ColdPathProbe.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	// The JVM writes its class log to the same standard output: flush, so the order is the true one.
	private static void say(String line) {
		System.out.println(line);
		System.out.flush();
	}

}
