package io.serverlessspring.boot.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.serverlessspring.boot.errors.OptionalDependency;
import io.serverlessspring.boot.scanning.AppBeans;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * The {@link WebSocketRoute} methods of the running context, read at start so a bad declaration
 * (two methods for one key, a key API Gateway refuses) fails start-up naming the method.
 */
public class WebSocketRouteRegistry implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private volatile List<WebSocketRouteDefinition> routes;

	public WebSocketRouteRegistry(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<WebSocketRouteDefinition> routes = all();
		if (!routes.isEmpty()) {
			OptionalDependency.require(feature(routes.get(0).routeKey()), WebSocketRouteRegistry.class.getClassLoader(),
					OptionalDependency.LAMBDA_EVENTS, OptionalDependency.LAMBDA_SERIALIZATION);
		}
	}

	/** How the start-up check and the manifest generator name a route that needs the typed events. */
	public static String feature(String routeKey) {
		return "The @WebSocketRoute(\"" + routeKey + "\") method";
	}

	/** Every route, by key. */
	public List<WebSocketRouteDefinition> all() {
		if (this.routes == null) {
			this.routes = scan(this.beanFactory, this.environment);
		}
		return this.routes;
	}

	/** The app's routes from its bean definitions (the manifest's reading, nothing started). */
	public static List<WebSocketRouteDefinition> scan(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		List<WebSocketRouteDefinition> found = new ArrayList<>();
		for (AppBeans.AppBean bean : AppBeans.of(beanFactory)) {
			found.addAll(WebSocketRouteDefinition.scan(bean.name(), bean.type(), environment::resolveRequiredPlaceholders));
		}
		return WebSocketRouteDefinition.distinct(found);
	}

	/**
	 * The handler of a route key; a message whose key has no handler of its own goes to
	 * {@code $default}, as API Gateway routes it.
	 */
	public Optional<WebSocketRouteDefinition> forKey(String routeKey) {
		Optional<WebSocketRouteDefinition> exact = all().stream().filter((r) -> r.routeKey().equals(routeKey)).findFirst();
		if (exact.isPresent() || "$connect".equals(routeKey) || "$disconnect".equals(routeKey)) {
			return exact;
		}
		return all().stream().filter((r) -> r.routeKey().equals("$default")).findFirst();
	}

}
