package io.serverlessspring.local.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment, on its own loopback port:
 * {@code GET /runtime/invocation/next} long-polls for the next event; {@code POST
 * /runtime/invocation/<id>/response|error} and {@code POST /runtime/init/error} report back; under
 * SnapStart {@code GET /runtime/restore/next} answers at once (no snapshot is taken locally).
 */
final class RuntimeApiServer implements AutoCloseable {

	private static final String PREFIX = "/2018-06-01/runtime/";

	/** Callbacks into the environment. */
	interface Listener {

		/** The runtime asked for work: init is over (first call) or the previous invocation is done. */
		void nextRequested();

		/** An event was handed to the runtime: the handler's time starts. */
		void delivered(String requestId);

		void responded(String requestId, byte[] body);

		void failed(String requestId, byte[] body, String errorType);

		void initFailed(byte[] body, String errorType);

	}

	/** An event waiting for the runtime. */
	record Event(String requestId, byte[] payload, long timeoutMillis, String invokedArn, String traceId,
			String clientContext) {
	}

	private final HttpServer server;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final Listener listener;

	private volatile boolean closed;

	RuntimeApiServer(ExecutorService threads, Listener listener) {
		this.listener = listener;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a Runtime API port", ex);
		}
		this.server.createContext(PREFIX, this::handle);
		this.server.setExecutor(threads);
		this.server.start();
	}

	/** {@code 127.0.0.1:<port>}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
	String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	void offer(Event event) {
		this.events.add(event);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
			if (path.equals("invocation/next") && "GET".equals(exchange.getRequestMethod())) {
				next(exchange);
			}
			else if (path.equals("restore/next") && "GET".equals(exchange.getRequestMethod())) {
				// SnapStart (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start): the runtime ran its beforeCheckpoint
				// hooks and waits for the restore. No snapshot here: "restored" at once, afterRestore runs next.
				send(exchange, 200, "");
			}
			else if (path.equals("restore/error")) {
				this.listener.initFailed(body, errorType);
				accepted(exchange);
			}
			else if (path.equals("init/error")) {
				this.listener.initFailed(body, errorType);
				accepted(exchange);
			}
			else if (path.startsWith("invocation/") && path.endsWith("/response")) {
				this.listener.responded(requestId(path, "/response"), body);
				accepted(exchange);
			}
			else if (path.startsWith("invocation/") && path.endsWith("/error")) {
				this.listener.failed(requestId(path, "/error"), body, errorType);
				accepted(exchange);
			}
			else {
				send(exchange, 404, "{\"errorMessage\":\"Unknown Runtime API path\",\"errorType\":\"InvalidRequest\"}");
			}
		}
	}

	private void next(HttpExchange exchange) throws IOException {
		this.listener.nextRequested();
		Event event = null;
		try {
			while (event == null && !this.closed) {
				event = this.events.poll(1, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (event == null) {
			send(exchange, 500, "{\"errorMessage\":\"environment shutting down\",\"errorType\":\"ShutDown\"}");
			return;
		}
		this.listener.delivered(event.requestId());
		var headers = exchange.getResponseHeaders();
		headers.set("Content-Type", "application/json");
		headers.set("Lambda-Runtime-Aws-Request-Id", event.requestId());
		headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + event.timeoutMillis()));
		headers.set("Lambda-Runtime-Invoked-Function-Arn", event.invokedArn());
		headers.set("Lambda-Runtime-Trace-Id", event.traceId());
		if (event.clientContext() != null) {
			headers.set("Lambda-Runtime-Client-Context", event.clientContext());
		}
		byte[] payload = event.payload();
		exchange.sendResponseHeaders(200, (payload.length == 0) ? -1 : payload.length);
		if (payload.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(payload);
			}
		}
	}

	private static String requestId(String path, String suffix) {
		return path.substring("invocation/".length(), path.length() - suffix.length());
	}

	private static void accepted(HttpExchange exchange) throws IOException {
		send(exchange, 202, "{\"status\":\"OK\"}");
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.server.stop(0);
	}

}
