package io.serverlessspring.local.apigateway;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.serverlessspring.local.apigateway.HttpApiModel.Api;
import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves WebSocket APIs on a port of their own ({@code ws://127.0.0.1:<port>/<api-id>/<stage>}),
 * with the Java-WebSocket library: a handshake runs the {@code $connect} route (a non-2xx answer or
 * a failed invocation refuses it), each message is routed by the API's route selection expression
 * ({@code $request.body.<field>}, else {@code $default}) and a close runs {@code $disconnect}, each
 * as the real WebSocket event to the route's Lambda proxy integration. The management API
 * ({@link ConnectionsService}) sends to and closes the connections held here.
 */
final class WebSocketApiServer extends WebSocketServer {

	private static final System.Logger log = System.getLogger(WebSocketApiServer.class.getName());

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpApiService apis;

	private final LocalContext context;

	private final Map<String, WebSocketConnection> connections = new ConcurrentHashMap<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private WebSocketApiServer(HttpApiService apis, LocalContext context) {
		super(new InetSocketAddress("127.0.0.1", 0));
		this.apis = apis;
		this.context = context;
		setReuseAddr(true);
	}

	/** Starts on a free port and waits until it listens. */
	static WebSocketApiServer start(HttpApiService apis, LocalContext context) {
		WebSocketApiServer server = new WebSocketApiServer(apis, context);
		server.setDaemon(true);
		server.start();
		try {
			if (!server.started.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The WebSocket front door did not start within 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the WebSocket front door", ex);
		}
		return server;
	}

	/** {@code ws://127.0.0.1:<port>}: the base of every WebSocket API's endpoint. */
	URI endpoint() {
		return URI.create("ws://127.0.0.1:" + getPort());
	}

	/** The connection with this id, if it is open. */
	Optional<WebSocketConnection> connection(String id) {
		return Optional.ofNullable(this.connections.get(id));
	}

	/** Closes every connection of an API (it was deleted), without running {@code $disconnect}. */
	void closeApi(String apiId) {
		for (Iterator<WebSocketConnection> it = this.connections.values().iterator(); it.hasNext();) {
			WebSocketConnection connection = it.next();
			if (connection.apiId().equals(apiId)) {
				it.remove();
				connection.socket().close(CloseFrame.GOING_AWAY, "API deleted");
			}
		}
	}

	@Override
	public void onStart() {
		this.started.countDown();
	}

	@Override
	public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
			ClientHandshake request) throws InvalidDataException {
		ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
		URI uri = URI.create(request.getResourceDescriptor());
		String[] segments = uri.getRawPath().replaceFirst("^/", "").split("/");
		String apiId = segments[0];
		String stage = (segments.length > 1) ? segments[1] : "";
		Api api;
		synchronized (this.apis) {
			api = this.apis.model.apis.get(apiId);
			if (api == null || !"WEBSOCKET".equals(api.api.path("protocolType").asString())
					|| segments.length != 2 || !api.stages.containsKey(stage)) {
				throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "No WebSocket API stage at " + uri.getRawPath());
			}
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Iterator<String> names = request.iterateHttpFields(); names.hasNext();) {
			String name = names.next();
			headers.put(name, List.of(request.getFieldValue(name)));
		}
		InetSocketAddress remote = socket.getRemoteSocketAddress();
		String domainName = apiId + ".execute-api.localhost";
		headers.put("Host", List.of(domainName));
		WebSocketConnection connection = new WebSocketConnection(newConnectionId(), apiId, stage, domainName,
				this.context.clock().instant(), (remote != null) ? remote.getAddress().getHostAddress() : "127.0.0.1",
				request.hasFieldValue("User-Agent") ? request.getFieldValue("User-Agent") : null, headers,
				query(uri.getRawQuery()), socket);
		ObjectNode route = route(apiId, "$connect");
		if (route != null) {
			Answer answer = invoke(api, route, WebSocketEvents.connect(connection, "$connect", requestId(),
					this.context.clock().instant()));
			if (!answer.succeeded()) {
				throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "$connect refused the connection");
			}
		}
		socket.setAttachment(connection);
		this.connections.put(connection.id(), connection);
		return response;
	}

	@Override
	public void onOpen(WebSocket socket, ClientHandshake handshake) {
		// The connection was registered when $connect accepted the handshake.
	}

	@Override
	public void onMessage(WebSocket socket, String message) {
		message(socket, message, false);
	}

	@Override
	public void onMessage(WebSocket socket, ByteBuffer message) {
		byte[] bytes = new byte[message.remaining()];
		message.get(bytes);
		message(socket, Base64.getEncoder().encodeToString(bytes), true);
	}

	private void message(WebSocket socket, String body, boolean binary) {
		WebSocketConnection connection = socket.getAttachment();
		if (connection == null) {
			return;
		}
		String requestId = requestId();
		Api api;
		String routeKey;
		ObjectNode route;
		synchronized (this.apis) {
			api = this.apis.model.apis.get(connection.apiId());
			if (api == null) {
				return;
			}
			routeKey = selectRouteKey(api.api.path("routeSelectionExpression").asString(""), binary ? null : body);
			route = (routeKey != null) ? route(connection.apiId(), routeKey) : null;
			if (route == null) {
				routeKey = "$default";
				route = route(connection.apiId(), routeKey);
			}
		}
		if (route == null) {
			// API Gateway's answer to a message no route takes.
			socket.send("{\"message\": \"Forbidden\", \"connectionId\":\"" + connection.id() + "\", \"requestId\":\""
					+ requestId + "\"}");
			return;
		}
		Answer answer = invoke(api, route, WebSocketEvents.message(connection, routeKey, requestId,
				this.context.clock().instant(), body, binary));
		if (!answer.succeeded()) {
			socket.send("{\"message\": \"Internal server error\", \"connectionId\":\"" + connection.id()
					+ "\", \"requestId\":\"" + requestId + "\"}");
		}
		else if (route.hasNonNull("routeResponseSelectionExpression") && answer.body() != null && socket.isOpen()) {
			// A two-way route: the integration's response body goes back to the client.
			socket.send(answer.body());
		}
	}

	@Override
	public void onClose(WebSocket socket, int code, String reason, boolean remote) {
		WebSocketConnection connection = socket.getAttachment();
		if (connection == null || this.connections.remove(connection.id()) == null) {
			return;
		}
		// $disconnect runs after the close, off the socket's thread, as API Gateway does (best effort).
		this.context.timers().execute(() -> {
			Api api;
			ObjectNode route;
			synchronized (this.apis) {
				api = this.apis.model.apis.get(connection.apiId());
				route = (api != null) ? route(connection.apiId(), "$disconnect") : null;
			}
			if (route != null) {
				invoke(api, route, WebSocketEvents.disconnect(connection, requestId(), this.context.clock().instant(), code,
						reason));
			}
		});
	}

	@Override
	public void onError(WebSocket socket, Exception ex) {
		log.log(Level.DEBUG, "WebSocket error: " + ex.getMessage());
	}

	/** What the route selection expression picks from a message: {@code $request.body.<path>} on a JSON object. */
	static String selectRouteKey(String expression, String body) {
		if (body == null || !expression.startsWith("$request.body.")) {
			return null;
		}
		JsonNode value;
		try {
			value = Json.mapper().readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
		for (String field : expression.substring("$request.body.".length()).split("\\.")) {
			value = (value != null && value.isObject()) ? value.get(field) : null;
		}
		return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
	}

	private ObjectNode route(String apiId, String routeKey) {
		Api api = this.apis.model.apis.get(apiId);
		if (api == null) {
			return null;
		}
		for (ObjectNode route : api.routes.values()) {
			if (route.path("routeKey").asString().equals(routeKey)) {
				return route.deepCopy();
			}
		}
		return null;
	}

	/** The function's answer: whether it succeeded with a 2xx (or no status), and its body. */
	private record Answer(boolean succeeded, String body) {
	}

	private Answer invoke(Api api, ObjectNode route, ObjectNode event) {
		String apiId = api.api.path("apiId").asString();
		ObjectNode integration;
		synchronized (this.apis) {
			integration = api.integrations.get(route.path("target").asString("").replaceFirst("^integrations/", ""));
		}
		if (integration == null || !"AWS_PROXY".equals(integration.path("integrationType").asString())) {
			log.log(Level.WARNING, "WebSocket API " + apiId + " route " + route.path("routeKey").asString()
					+ " has no Lambda proxy integration");
			return new Answer(false, null);
		}
		String functionArn = LambdaProxy.functionArn(integration.path("integrationUri").asString(), Map.of());
		LambdaService lambda = this.context.service(LambdaService.class);
		try {
			if (functionArn == null || !lambda.allowsInvocationBy(functionArn, "apigateway.amazonaws.com")) {
				log.log(Level.WARNING, "WebSocket API " + apiId + " may not invoke " + functionArn
						+ ": its resource policy has no statement for apigateway.amazonaws.com (lambda add-permission)");
				return new Answer(false, null);
			}
			InvokedFunction target = lambda.target(functionArn, null);
			RuntimeInvocationResult result = lambda.invoker().invoke(target, Json.bytes(event), null);
			if (result.failed()) {
				return new Answer(false, null);
			}
			JsonNode answer = Json.mapper().readTree(result.payload());
			int status = answer.path("statusCode").asInt(200);
			JsonNode body = answer.get("body");
			return new Answer(status >= 200 && status < 300, (body != null && !body.isNull()) ? body.asString() : null);
		}
		catch (AwsException | tools.jackson.core.JacksonException ex) {
			log.log(Level.WARNING, "WebSocket API " + apiId + " could not invoke " + functionArn + ": " + ex.getMessage());
			return new Answer(false, null);
		}
	}

	private static Map<String, List<String>> query(String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			query.computeIfAbsent(name, (n) -> new ArrayList<>()).add(value);
		}
		return query;
	}

	/** Ids shaped as AWS's: 16 characters of base64 ending in {@code =}. */
	private static String newConnectionId() {
		byte[] bytes = new byte[11];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().encodeToString(bytes);
	}

	private static String requestId() {
		return UUID.randomUUID().toString();
	}

	/** Stops listening and closes every connection. */
	void shutdown() {
		try {
			stop(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
