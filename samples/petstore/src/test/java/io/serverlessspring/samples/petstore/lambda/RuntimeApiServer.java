package io.serverlessspring.samples.petstore.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The smallest Lambda Runtime API that the real runtime interface client accepts: it hands out
 * queued events on {@code invocation/next} and completes each invocation's future with what the
 * function posts to {@code response} or {@code error}.
 */
final class RuntimeApiServer implements AutoCloseable {

	private static final String PREFIX = "/2018-06-01/runtime/";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();

	private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();

	private final CompletableFuture<String> initError = new CompletableFuture<>();

	private RuntimeApiServer(HttpServer server) {
		this.server = server;
	}

	static RuntimeApiServer start() throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		RuntimeApiServer api = new RuntimeApiServer(http);
		http.createContext(PREFIX, api::handle);
		http.setExecutor(api.executor);
		http.start();
		return api;
	}

	/** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
	String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Queues an event; the future completes with the function's response or error document. */
	CompletableFuture<Result> invoke(String event) {
		Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
		this.inFlight.put(invocation.id(), invocation);
		this.pending.add(invocation);
		return invocation.result();
	}

	/** Completes if the function reports an init error. */
	CompletableFuture<String> initError() {
		return this.initError;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
		try (exchange) {
			if (path.equals("invocation/next") && "GET".equals(exchange.getRequestMethod())) {
				Invocation next = nextInvocation();
				if (next == null) {
					respond(exchange, 503, "{}");
					return;
				}
				exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
				exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
						Long.toString(System.currentTimeMillis() + Duration.ofMinutes(1).toMillis()));
				exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
						"arn:aws:lambda:us-east-1:000000000000:function:petstore-dev");
				exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
				respond(exchange, 200, next.event());
				return;
			}
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (path.equals("init/error")) {
				this.initError.complete(body);
				respond(exchange, 202, "{}");
				return;
			}
			String[] parts = path.split("/");
			if (parts.length == 3 && parts[0].equals("invocation") && this.inFlight.containsKey(parts[1])) {
				Invocation invocation = this.inFlight.remove(parts[1]);
				invocation.result().complete(new Result(parts[2].equals("response"), body));
				respond(exchange, 202, "{}");
				return;
			}
			respond(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
		}
	}

	/** Long-polls like Lambda does; the client simply asks again on 503. */
	private Invocation nextInvocation() {
		try {
			return this.pending.poll(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	record Invocation(String id, String event, CompletableFuture<Result> result) {
	}

	/** What the function posted: its response, or (ok = false) its error document. */
	record Result(boolean ok, String body) {
	}

}
