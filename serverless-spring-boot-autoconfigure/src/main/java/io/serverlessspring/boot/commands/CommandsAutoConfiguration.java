package io.serverlessspring.boot.commands;

import io.serverlessspring.boot.routing.RouteOrder;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import io.serverlessspring.boot.targets.TargetResolver;
import io.serverlessspring.boot.targets.TargetsAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/** The {@code invoke} / {@code raw} / {@code manage} route. */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, TargetsAutoConfiguration.class })
public class CommandsAutoConfiguration {

	@Bean
	@Order(RouteOrder.COMMANDS)
	@ConditionalOnMissingBean
	public CommandRoute serverlessCommandRoute(TargetResolver targets, ServerlessProperties properties,
			ConfigurableListableBeanFactory beanFactory, Environment environment,
			ObjectProvider<ManageEndpoints> endpoints, ObjectProvider<ServerlessCommand> commands) {
		return new CommandRoute(targets, properties.getCommands(), beanFactory, environment,
				endpoints.getIfAvailable(() -> ManageEndpoints.NONE), commands.orderedStream().toList());
	}

	/** Actuator endpoints for {@code manage}, when the app has the actuator. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class ActuatorEndpointsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ManageEndpoints serverlessManageEndpoints(ApplicationContext context, ServerlessProperties properties) {
			return new ActuatorManageEndpoints(context, properties.getCommands().getManageEndpoints());
		}

	}

}
