package io.serverlessspring.boot.events;

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

/** AWS event handlers: annotated methods and {@code serverless.events.handlers.*} bindings, and their routes. */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, TargetsAutoConfiguration.class })
public class EventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public EventHandlerRegistry serverlessEventHandlerRegistry(ConfigurableListableBeanFactory beanFactory,
			Environment environment, ServerlessProperties properties) {
		return new EventHandlerRegistry(beanFactory, environment, properties.getEvents());
	}

	/**
	 * The route binds events with the Lambda runtime's own types and serialisers, optional in the
	 * starter: without them there is no route, and {@link EventHandlerRegistry} fails start-up if
	 * the app declares a handler.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "com.amazonaws.services.lambda.runtime.events.SQSEvent",
			"com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers" })
	static class TypedEventsConfiguration {

		@Bean
		@Order(RouteOrder.AWS_EVENTS)
		@ConditionalOnMissingBean
		AwsEventRoute serverlessAwsEventRoute(EventHandlerRegistry registry, TargetResolver targets,
				ConfigurableListableBeanFactory beanFactory) {
			return new AwsEventRoute(registry, targets, beanFactory);
		}

	}

	@Bean
	@Order(RouteOrder.AWS_TRIGGERS)
	@ConditionalOnMissingBean
	public LogsSubscriptionRoute serverlessLogsSubscriptionRoute(EventHandlerRegistry registry, TargetResolver targets,
			ConfigurableListableBeanFactory beanFactory) {
		return new LogsSubscriptionRoute(registry, new HandlerCalls(targets, beanFactory));
	}

	@Bean
	@Order(RouteOrder.AWS_TRIGGERS)
	@ConditionalOnMissingBean
	public CognitoTriggerRoute serverlessCognitoTriggerRoute(EventHandlerRegistry registry, TargetResolver targets,
			ConfigurableListableBeanFactory beanFactory) {
		return new CognitoTriggerRoute(registry, new HandlerCalls(targets, beanFactory));
	}

	@Bean
	@Order(RouteOrder.AWS_TRIGGERS)
	@ConditionalOnMissingBean
	public LexCodeHookRoute serverlessLexCodeHookRoute(EventHandlerRegistry registry, TargetResolver targets,
			ConfigurableListableBeanFactory beanFactory) {
		return new LexCodeHookRoute(registry, new HandlerCalls(targets, beanFactory));
	}

}
