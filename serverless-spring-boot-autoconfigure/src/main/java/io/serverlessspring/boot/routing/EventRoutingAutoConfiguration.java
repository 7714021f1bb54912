package io.serverlessspring.boot.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The event router, fed with every {@link EventRoute} and {@link ServerlessExceptionHandler} bean in {@code @Order}. */
@AutoConfiguration
public class EventRoutingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public EventRouter eventRouter(ObjectProvider<EventRoute> routes,
			ObjectProvider<ServerlessExceptionHandler> exceptionHandlers) {
		return new EventRouter(routes.orderedStream().toList(), exceptionHandlers.orderedStream().toList());
	}

}
