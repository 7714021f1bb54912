package io.serverlessspring.boot.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Lambda service on 127.0.0.1: answers {@code Invoke} as Lambda does for an
 * {@code Event} invocation (202, empty body) and records each request for the test to inspect.
 */
public final class RecordingLambdaEndpoint implements AutoCloseable {

	/** One request as it arrived over HTTP. */
	public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet().stream().filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0)).findFirst().orElse(null);
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private RecordingLambdaEndpoint(HttpServer server) {
		this.server = server;
	}

	public static RecordingLambdaEndpoint start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		RecordingLambdaEndpoint endpoint = new RecordingLambdaEndpoint(server);
		server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				endpoint.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.getResponseHeaders().add("x-amzn-RequestId", "6f1b2a4e-0000-4000-8000-000000000000");
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		server.start();
		return endpoint;
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public void clear() {
		this.requests.clear();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
