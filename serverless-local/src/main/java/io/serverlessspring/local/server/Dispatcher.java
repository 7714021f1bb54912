package io.serverlessspring.local.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
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
 * <p>First {@link RequestGuard} refuses foreign hosts and cross-origin browser requests. Then: front
 * doors (HTTP APIs, function URLs) by their own URL forms; then, for AWS API calls, which must be
 * signed (SigV4 {@code Authorization} header, or a presigned S3 object URL), the signing name of the
 * credential scope; then {@code X-Amz-Target}'s prefix.
 */
public final class Dispatcher implements HttpHandler {

	private static final System.Logger log = System.getLogger(Dispatcher.class.getName());

	private static final String HEALTH_PATH = "/_local/health";

	/** Paths of the rest-json services: Lambda's dated API versions, API Gateway, Scheduler. */
	private static final java.util.regex.Pattern REST_JSON_PATH = java.util.regex.Pattern
		.compile("/(\\d{4}-\\d{2}-\\d{2}/|v2/|restapis|apikeys|usageplans|tags/|schedules|schedule-groups)");

	private final List<AwsService> services;

	private final List<FrontDoor> frontDoors;

	private final String defaultRegion;

	/** Services that changed since their state was last saved (see {@link Persistent}). */
	private final Set<AwsService> changed = ConcurrentHashMap.newKeySet();

	private final RequestGuard guard;

	/** Request body bytes received by each service's API, by signing name: what clients upload. */
	private final Map<String, java.util.concurrent.atomic.LongAdder> bytesReceived = new ConcurrentHashMap<>();

	/**
	 * Services must be started: their front doors are read here. {@code port} is the one the cloud
	 * listens on (requests must name it in {@code Host}), {@code settings} say how signatures are checked.
	 */
	public Dispatcher(List<AwsService> services, String defaultRegion, int port, CloudSettings settings) {
		this.services = List.copyOf(services);
		this.frontDoors = services.stream().flatMap((service) -> service.frontDoors().stream()).toList();
		this.defaultRegion = defaultRegion;
		this.guard = new RequestGuard(port, settings, java.time.Clock.systemUTC());
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
		FrontDoor door = null;
		for (FrontDoor candidate : this.frontDoors) {
			if (candidate.accepts(request)) {
				door = candidate;
				break;
			}
		}
		AwsResponse refusal = this.guard.refusal(request, door);
		if (refusal != null) {
			return refusal;
		}
		if (door != null) {
			FrontDoor chosen = door;
			return guarded(request, Protocol.REST_JSON, () -> chosen.serve(request));
		}
		if (HEALTH_PATH.equals(request.rawPath())) {
			return ("GET".equals(request.method()) || "HEAD".equals(request.method())) ? health()
					: AwsResponse.text(405, "Method Not Allowed: " + HEALTH_PATH + " is read-only\n");
		}
		SigV4Authorization authorization;
		try {
			authorization = SigV4Authorization.of(request);
		}
		catch (AuthenticationFailure incomplete) {
			request.signedAs(null, this.defaultRegion);
			return refused(request, incomplete);
		}
		if (authorization != null) {
			request.signedAs(authorization.service(), authorization.region());
		}
		else {
			request.signedAs(null, this.defaultRegion);
		}
		try {
			this.guard.authenticate(request, authorization);
		}
		catch (AuthenticationFailure failure) {
			return refused(request, failure);
		}
		AwsService service = find(request);
		if (service == null) {
			return Protocol.JSON.error(AwsException.badRequest("UnknownServiceException",
					"No local service answers signing name '" + request.signingName() + "'"
							+ ((request.header("X-Amz-Target") != null)
									? " / X-Amz-Target '" + request.header("X-Amz-Target") + "'" : "")),
					request.requestId());
		}
		this.bytesReceived.computeIfAbsent(service.signingName(), (name) -> new java.util.concurrent.atomic.LongAdder())
			.add(request.body().length);
		AwsResponse response = guarded(request, service.protocol(), () -> service.handle(request));
		if (service instanceof Persistent && !"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
			this.changed.add(service);
		}
		return response;
	}

	/**
	 * Request body bytes the API of the service with this signing name (e.g. {@code s3}, {@code lambda})
	 * has received since start: how much a deploy uploaded.
	 */
	public long bytesReceived(String signingName) {
		java.util.concurrent.atomic.LongAdder total = this.bytesReceived.get(signingName);
		return (total != null) ? total.sum() : 0;
	}

	/** A 403 in the protocol of the service the request was meant for. */
	private AwsResponse refused(AwsRequest request, AuthenticationFailure failure) {
		Protocol protocol = (request.signingName() != null || request.header("X-Amz-Target") != null)
				? protocolOf(find(request)) : unsignedProtocol(request);
		return protocol.error(failure.in(protocol), request.requestId());
	}

	private static Protocol protocolOf(AwsService service) {
		return (service != null) ? service.protocol() : Protocol.JSON;
	}

	/**
	 * Without a credential scope, the protocol a request's shape says: {@code Action} is the query
	 * protocol, Route 53's and S3's paths rest-xml, the dated or versioned paths of Lambda, API Gateway
	 * and Scheduler rest-json.
	 */
	private static Protocol unsignedProtocol(AwsRequest request) {
		if (request.form().containsKey("Action")) {
			return Protocol.QUERY;
		}
		String path = request.rawPath();
		if (path.startsWith("/2013-04-01/")) {
			return Protocol.REST_XML;
		}
		return REST_JSON_PATH.matcher(path).lookingAt() ? Protocol.REST_JSON : Protocol.REST_XML;
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
		// what clients uploaded to each service's API (benchmarks read it)
		var received = body.putObject("bytesReceived");
		this.bytesReceived.forEach((name, total) -> received.put(name, total.sum()));
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
