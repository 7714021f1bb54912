package io.serverlessspring.shell.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Lambda endpoint on 127.0.0.1 that records the Invoke requests the console's SDK client
 * sends and answers with what a test scripts: the wire format is Lambda's (rest-json, payload as
 * the body, X-Amz-* headers).
 */
final class RecordingLambda implements AutoCloseable {

	/** One recorded Invoke. */
	record Invocation(String function, String qualifier, String invocationType, String logType, String payload) {
	}

	/** What to answer to an Invoke. */
	record Answer(int status, String payload, String functionError, String log) {
	}

	private final HttpServer server;

	private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

	private volatile boolean deployed = true;

	private volatile Function<Invocation, Answer> answers = invocation -> new Answer(200, "{}", null, "");

	RecordingLambda() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	List<Invocation> invocations() {
		return this.invocations;
	}

	void deployed(boolean deployed) {
		this.deployed = deployed;
	}

	void answer(Function<Invocation, Answer> answers) {
		this.answers = answers;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String[] parts = path.split("/");
		// /2015-03-31/functions/{name}/aliases  or  /2015-03-31/functions/{name}/invocations
		String function = parts.length > 3 ? parts[3] : "";
		byte[] body = exchange.getRequestBody().readAllBytes();
		if (path.endsWith("/aliases") && "GET".equals(exchange.getRequestMethod())) {
			if (!this.deployed) {
				send(exchange, 404, "{\"Type\":\"User\",\"Message\":\"Function not found: " + function + "\"}",
						"ResourceNotFoundException", null, null);
				return;
			}
			send(exchange, 200, "{\"Aliases\":[{\"Name\":\"live\",\"FunctionVersion\":\"7\",\"AliasArn\":"
					+ "\"arn:aws:lambda:us-east-1:000000000000:function:" + function + ":live\"}]}", null, null, null);
			return;
		}
		if (path.endsWith("/invocations")) {
			String query = exchange.getRequestURI().getQuery();
			String qualifier = (query != null && query.startsWith("Qualifier=")) ? query.substring("Qualifier=".length()) : null;
			Invocation invocation = new Invocation(function, qualifier,
					exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
					exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"), new String(body, StandardCharsets.UTF_8));
			this.invocations.add(invocation);
			Answer answer = this.answers.apply(invocation);
			String log = (answer.log() == null || answer.log().isEmpty()) ? null
					: Base64.getEncoder().encodeToString(answer.log().getBytes(StandardCharsets.UTF_8));
			send(exchange, answer.status(), answer.payload(), null, answer.functionError(), log);
			return;
		}
		send(exchange, 404, "{\"Message\":\"not here: " + path + "\"}", "ResourceNotFoundException", null, null);
	}

	private static void send(HttpExchange exchange, int status, String body, String errorType, String functionError,
			String log) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("x-amzn-RequestId", "5f3c0e1a-0000-4000-8000-00000000abcd");
		if (errorType != null) {
			exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
		}
		if (functionError != null) {
			exchange.getResponseHeaders().set("X-Amz-Function-Error", functionError);
		}
		if (log != null) {
			exchange.getResponseHeaders().set("X-Amz-Log-Result", log);
		}
		exchange.getResponseHeaders().set("X-Amz-Executed-Version", "7");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
