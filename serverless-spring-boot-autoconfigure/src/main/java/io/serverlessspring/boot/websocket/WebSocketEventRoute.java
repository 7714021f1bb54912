package io.serverlessspring.boot.websocket;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.serverlessspring.boot.events.EventFormatException;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.targets.MethodTarget;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * API Gateway WebSocket events ({@code CONNECT}, {@code MESSAGE}, {@code DISCONNECT}) to the
 * {@link WebSocketRoute} method of their {@code requestContext.routeKey}. They carry a
 * {@code requestContext.connectionId} and {@code eventType}, which no HTTP event has.
 *
 * <p>A connect or disconnect without a handler is accepted (200), so an app may handle messages
 * only; a message without a handler (and no {@code $default}) fails the invocation, naming the key.
 */
public class WebSocketEventRoute implements EventRoute {

	private static final Set<String> EVENT_TYPES = Set.of("CONNECT", "MESSAGE", "DISCONNECT");

	private final WebSocketRouteRegistry registry;

	private final BeanFactory beanFactory;

	private final JsonMapper mapper;

	private final WebSocketEndpoints endpoints;

	// Made on the first WebSocket event: the runtime's serialisers load ~800 classes (a shaded
	// Jackson and Joda-Time) that an HTTP-only cold start would pay for otherwise.
	private final SingletonSupplier<PojoSerializer<APIGatewayV2WebSocketEvent>> serializer = SingletonSupplier
		.of(() -> LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class,
				WebSocketEventRoute.class.getClassLoader()));

	public WebSocketEventRoute(WebSocketRouteRegistry registry, BeanFactory beanFactory, JsonMapper mapper,
			WebSocketEndpoints endpoints) {
		this.registry = registry;
		this.beanFactory = beanFactory;
		this.mapper = mapper;
		this.endpoints = endpoints;
	}

	@Override
	public String name() {
		return "websocket";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		String eventType = event.text("/requestContext/eventType");
		// Set.of(...).contains(null) throws: most events have no eventType at all.
		return eventType != null && EVENT_TYPES.contains(eventType) && event.text("/requestContext/connectionId") != null
				&& event.text("/requestContext/routeKey") != null;
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		APIGatewayV2WebSocketEvent webSocketEvent;
		try {
			webSocketEvent = this.serializer.obtain().fromJson(new ByteArrayInputStream(event.payload()));
		}
		catch (RuntimeException ex) {
			JsonFieldPath path = JsonFieldPath.fromReferenceChain(ex.getMessage());
			throw new EventFormatException("The API Gateway WebSocket event does not match AWS's "
					+ "APIGatewayV2WebSocketEvent format" + (path.isEmpty() ? "" : ": '" + path + "' has the wrong type"),
					ex);
		}
		APIGatewayV2WebSocketEvent.RequestContext request = webSocketEvent.getRequestContext();
		String routeKey = request.getRouteKey();
		this.endpoints.seen(request.getDomainName(), request.getStage());
		WebSocketRouteDefinition route = this.registry.forKey(routeKey).orElse(null);
		Object result;
		if (route == null) {
			if (!"MESSAGE".equals(request.getEventType())) {
				result = null;
			}
			else {
				throw new IllegalStateException("No @WebSocketRoute handles route key '" + routeKey
						+ "' and there is no $default handler (connection " + request.getConnectionId() + ")");
			}
		}
		else {
			result = call(route, webSocketEvent, context);
		}
		output.write(this.mapper.writeValueAsBytes(response(result)));
		output.flush();
	}

	private Object call(WebSocketRouteDefinition route, APIGatewayV2WebSocketEvent event, Context context) throws IOException {
		Method method = route.method();
		Type[] types = method.getGenericParameterTypes();
		Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			Class<?> parameter = method.getParameterTypes()[i];
			if (parameter.getName().equals("com.amazonaws.services.lambda.runtime.Context")) {
				arguments[i] = context;
			}
			else if (parameter.isAssignableFrom(APIGatewayV2WebSocketEvent.class) && parameter != Object.class) {
				arguments[i] = event;
			}
			else if (parameter == String.class) {
				arguments[i] = body(event);
			}
			else {
				arguments[i] = read(route, body(event), types[i]);
			}
		}
		try {
			return new MethodTarget(this.beanFactory, route.beanName(), method, this.mapper).invokeWith(arguments);
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(route.target() + " failed: " + ex.getMessage(), ex);
		}
	}

	private Object read(WebSocketRouteDefinition route, String body, Type type) {
		if (body == null) {
			throw new IllegalArgumentException(route.target() + " takes a message body, but the "
					+ route.routeKey() + " event has none");
		}
		try {
			return this.mapper.readValue(body, this.mapper.constructType(type));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The message to route '" + route.routeKey() + "' is not a "
					+ type.getTypeName() + " as " + route.target() + " takes: " + ex.getOriginalMessage(), ex);
		}
	}

	private static String body(APIGatewayV2WebSocketEvent event) {
		String body = event.getBody();
		if (body != null && event.isIsBase64Encoded()) {
			return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
		}
		return body;
	}

	/** The integration response API Gateway reads: status, headers, body. */
	private ObjectNode response(Object result) {
		ObjectNode out = this.mapper.createObjectNode();
		if (result instanceof APIGatewayV2WebSocketResponse response) {
			out.put("statusCode", response.getStatusCode());
			if (response.getHeaders() != null && !response.getHeaders().isEmpty()) {
				out.set("headers", this.mapper.valueToTree(response.getHeaders()));
			}
			if (response.getBody() != null) {
				out.put("body", response.getBody());
			}
			out.put("isBase64Encoded", response.isIsBase64Encoded());
			return out;
		}
		out.put("statusCode", 200);
		if (result instanceof String text) {
			out.put("body", text);
		}
		else if (result != null) {
			out.put("body", this.mapper.writeValueAsString(result));
			out.set("headers", this.mapper.valueToTree(Map.of("Content-Type", "application/json")));
		}
		return out;
	}

}
