package io.serverlessspring.boot.websocket;

import io.serverlessspring.boot.routing.RouteOrder;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import io.serverlessspring.boot.targets.TargetResolver;
import io.serverlessspring.boot.targets.TargetsAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * WebSocket APIs: the {@link WebSocketRoute} methods, their route, and {@link WebSocketConnections}
 * when the management API client is on the class path.
 */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, TargetsAutoConfiguration.class })
public class WebSocketAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public WebSocketRouteRegistry serverlessWebSocketRouteRegistry(ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		return new WebSocketRouteRegistry(beanFactory, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	public WebSocketEndpoints serverlessWebSocketEndpoints(ServerlessProperties properties) {
		return new WebSocketEndpoints(properties.getHttp().getWebsocket().getManagementEndpoint());
	}

	/**
	 * The route reads the event with the Lambda runtime's own type and serialiser, optional in the
	 * starter: without them there is no route, and {@link WebSocketRouteRegistry} fails start-up if
	 * the app declares a {@link WebSocketRoute}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent",
			"com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers" })
	static class RouteConfiguration {

		@Bean
		@Order(RouteOrder.WEBSOCKET)
		@ConditionalOnMissingBean
		WebSocketEventRoute serverlessWebSocketEventRoute(WebSocketRouteRegistry registry,
				ConfigurableListableBeanFactory beanFactory, TargetResolver targets, WebSocketEndpoints endpoints) {
			// The app's JSON mapper (the targets' one), so message types bind as its controllers' do.
			return new WebSocketEventRoute(registry, beanFactory, targets.mapper(), endpoints);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient")
	static class ConnectionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebSocketConnections serverlessWebSocketConnections(WebSocketEndpoints endpoints) {
			return new ManagementApiConnections(endpoints);
		}

	}

}
