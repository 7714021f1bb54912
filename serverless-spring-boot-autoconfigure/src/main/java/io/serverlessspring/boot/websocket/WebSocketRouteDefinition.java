package io.serverlessspring.boot.websocket;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.serverlessspring.boot.scanning.AnnotatedMethods;
import io.serverlessspring.boot.targets.MethodIds;

/**
 * One {@link WebSocketRoute} method: the route key and the bean method handling it, what the
 * manifest lists and the route calls.
 */
public record WebSocketRouteDefinition(String routeKey, String target, String beanName, Method method) {

	/** What API Gateway accepts as a route key: {@code $connect}-style keys or plain words, at most 128 characters. */
	private static final Pattern ROUTE_KEY = Pattern.compile("\\$connect|\\$disconnect|\\$default|[^$\\s][^\\s]{0,127}");

	/** The annotated methods of a bean class; errors name the method. */
	public static List<WebSocketRouteDefinition> scan(String beanName, Class<?> type, UnaryOperator<String> resolver) {
		Map<Method, WebSocketRoute> methods = AnnotatedMethods.find(type, WebSocketRoute.class);
		List<WebSocketRouteDefinition> definitions = new ArrayList<>();
		methods.forEach((method, route) -> {
			String where = "@WebSocketRoute on " + type.getName() + "." + method.getName();
			if (!Modifier.isPublic(method.getModifiers())) {
				throw new IllegalStateException(where + " must be public");
			}
			long inputs = Arrays.stream(method.getParameterTypes())
				.filter((p) -> !p.getName().equals("com.amazonaws.services.lambda.runtime.Context")
						&& !p.getName().equals("com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent"))
				.count();
			if (inputs > 1) {
				throw new IllegalStateException(where + " takes " + inputs + " body parameters: it takes at most one"
						+ " (the body as a String or a type read from it), and optionally the APIGatewayV2WebSocketEvent"
						+ " and the Context");
			}
			String key = resolver.apply(route.value()).trim();
			if (!ROUTE_KEY.matcher(key).matches()) {
				throw new IllegalStateException(where + " has route key '" + key + "': use $connect, $disconnect,"
						+ " $default or a key without spaces that does not start with $ (at most 128 characters)");
			}
			definitions.add(new WebSocketRouteDefinition(key, MethodIds.id(beanName, method), beanName, method));
		});
		definitions.sort(Comparator.comparing(WebSocketRouteDefinition::routeKey));
		return definitions;
	}

	/**
	 * The definitions of an app, refusing two methods for one key (API Gateway has one integration
	 * per route), sorted by key.
	 */
	public static List<WebSocketRouteDefinition> distinct(List<WebSocketRouteDefinition> all) {
		Map<String, WebSocketRouteDefinition> byKey = new java.util.TreeMap<>();
		for (WebSocketRouteDefinition definition : all) {
			WebSocketRouteDefinition other = byKey.putIfAbsent(definition.routeKey(), definition);
			if (other != null) {
				throw new IllegalStateException("WebSocket route key '" + definition.routeKey() + "' is handled by both "
						+ other.target() + " and " + definition.target() + ": one @WebSocketRoute method per key");
			}
		}
		return List.copyOf(byKey.values());
	}

}
