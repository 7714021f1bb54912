package io.serverlessspring.local.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The one HTTP entrance: turns an exchange into an {@link AwsRequest}, picks the service the way AWS
 * endpoints do, and writes its answer or its error in the service's protocol.
 *
 * <p>Order: front doors (HTTP APIs, function URLs) by their own URL forms; then the SigV4 signing
 * name of the {@code Authorization} header or of a presigned URL; then {@code X-Amz-Target}'s prefix;
 * unsigned requests without a target go to S3 (anonymous S3 access, as AWS allows).
 */
public final class Dispatcher implements HttpHandler {

	private static final System.Logger log = System.getLogger(Dispatcher.class.getName());

	private static final String HEALTH_PATH = "/_local/health";

	private final List<AwsService> services;

	private final List<FrontDoor> frontDoors;

	private final String defaultRegion;

	/** Services that changed since their state was last saved (see {@link Persistent}). */
	private final Set<AwsService> changed = ConcurrentHashMap.newKeySet();

	/** Services must be started: their front doors are read here. */
	public Dispatcher(List<AwsService> services, String defaultRegion) {
		this.services = List.copyOf(services);
		this.frontDoors = services.stream().flatMap((service) -> service.frontDoors().stream()).toList();
		this.defaultRegion = defaultRegion;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			AwsRequest request = read(exchange);
			AwsResponse response = dispatch(request);
			write(exchange, request, response);
		}
		catch (IOException | RuntimeException ex) {
			log.log(Level.DEBUG, "Exchange failed", ex);
		}
	}

	/** Answers one request (public so that tests and benchmarks can call it without a socket). */
	public AwsResponse dispatch(AwsRequest request) {
		for (FrontDoor door : this.frontDoors) {
			if (door.accepts(request)) {
				return guarded(request, Protocol.REST_JSON, () -> door.serve(request));
			}
		}
		if (HEALTH_PATH.equals(request.rawPath())) {
			return health();
		}
		identify(request);
		AwsService service = find(request);
		if (service == null) {
			return Protocol.JSON.error(AwsException.badRequest("UnknownServiceException",
					"No local service answers signing name '" + request.signingName() + "'"
							+ ((request.header("X-Amz-Target") != null)
									? " / X-Amz-Target '" + request.header("X-Amz-Target") + "'" : "")),
					request.requestId());
		}
		AwsResponse response = guarded(request, service.protocol(), () -> service.handle(request));
		if (service instanceof Persistent && !"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
			this.changed.add(service);
		}
		return response;
	}

	/** The services changed since the last call, for the state saver. */
	public Set<AwsService> drainChanged() {
		Set<AwsService> drained = Set.copyOf(this.changed);
		this.changed.removeAll(drained);
		return drained;
	}

	private AwsResponse guarded(AwsRequest request, Protocol protocol, java.util.function.Supplier<AwsResponse> call) {
		try {
			return call.get();
		}
		catch (AwsException ex) {
			return protocol.error(ex, request.requestId());
		}
		catch (IllegalArgumentException ex) {
			// a value the request carried could not be used (a number that is not one, an unknown enum…)
			return protocol.error(AwsException.validation("Invalid request: " + ex.getMessage()), request.requestId());
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "Internal failure on " + request.method() + " " + request.rawPath(), ex);
			return protocol.error(new AwsException(500, "InternalFailure",
					"The local cloud failed to process the request: " + ex.getClass().getSimpleName()),
					request.requestId());
		}
	}

	private void identify(AwsRequest request) {
		String scope = null;
		String authorization = request.header("Authorization");
		if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
			int start = authorization.indexOf("Credential=");
			if (start >= 0) {
				int end = authorization.indexOf(',', start);
				scope = authorization.substring(start + "Credential=".length(), (end >= 0) ? end : authorization.length());
			}
		}
		else if (request.query("X-Amz-Credential") != null) {
			scope = request.query("X-Amz-Credential");
		}
		if (scope != null) {
			String[] parts = scope.trim().split("/");
			if (parts.length >= 5) {
				request.signedAs(parts[3].toLowerCase(Locale.ROOT), parts[2]);
				return;
			}
		}
		request.signedAs(null, this.defaultRegion);
	}

	private AwsService find(AwsRequest request) {
		String signingName = request.signingName();
		if (signingName != null) {
			for (AwsService service : this.services) {
				if (service.signingName().equals(signingName) && service.accepts(request)) {
					return service;
				}
			}
		}
		String target = request.header("X-Amz-Target");
		if (target != null) {
			int dot = target.indexOf('.');
			String prefix = (dot >= 0) ? target.substring(0, dot) : target;
			for (AwsService service : this.services) {
				if (service.targetPrefixes().contains(prefix)) {
					return service;
				}
			}
			return null;
		}
		if (signingName == null) {
			for (AwsService service : this.services) {
				if (service.signingName().equals("s3")) {
					return service;
				}
			}
		}
		return null;
	}

	private AwsResponse health() {
		var body = Json.object();
		var list = body.putArray("services");
		this.services.forEach((service) -> list.add(service.signingName()));
		body.put("status", "running");
		return AwsResponse.json(200, body);
	}

	private AwsRequest read(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		var uri = exchange.getRequestURI();
		AwsRequest request = new AwsRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
				exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
				UUID.randomUUID().toString());
		if (body.length > 0 && AwsChunkedEncoding.applies(request)) {
			request = new AwsRequest(request.method(), request.rawPath(), uri.getRawQuery(), request.headers(),
					AwsChunkedEncoding.decode(body), request.remoteAddress(), request.requestId());
		}
		return request;
	}

	private static void write(HttpExchange exchange, AwsRequest request, AwsResponse response) throws IOException {
		var headers = exchange.getResponseHeaders();
		for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
			for (String value : header.getValue()) {
				headers.add(header.getKey(), value);
			}
		}
		if (response.firstHeader("x-amzn-RequestId") == null) {
			headers.add("x-amzn-RequestId", request.requestId());
		}
		byte[] body = response.body();
		boolean noBody = "HEAD".equals(request.method()) || response.status() == 204 || response.status() == 304;
		if (noBody) {
			if ("HEAD".equals(request.method()) && response.headContentLength() >= 0) {
				headers.set("Content-Length", Long.toString(response.headContentLength()));
			}
			exchange.sendResponseHeaders(response.status(), -1);
			return;
		}
		if (body.length == 0) {
			headers.set("Content-Length", "0");
			exchange.sendResponseHeaders(response.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(response.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
