package io.serverlessspring.boot.scheduling;

import io.serverlessspring.boot.routing.RouteOrder;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;
import io.serverlessspring.boot.targets.TargetResolver;
import io.serverlessspring.boot.targets.TargetsAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * {@code @Scheduled} on EventBridge: the registry of schedules, the route that runs them, and the
 * switch that keeps Spring's in-process scheduler off in Lambda.
 */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, TargetsAutoConfiguration.class })
public class SchedulingAutoConfiguration {

	@Bean
	public static InProcessSchedulingSwitch serverlessInProcessSchedulingSwitch(Environment environment) {
		return new InProcessSchedulingSwitch(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	public ScheduleRegistry serverlessScheduleRegistry(ConfigurableListableBeanFactory beanFactory,
			Environment environment, ServerlessProperties properties) {
		return new ScheduleRegistry(beanFactory, environment, properties.getSchedules());
	}

	@Bean
	@Order(RouteOrder.SCHEDULES)
	@ConditionalOnMissingBean
	public ScheduleRoute serverlessScheduleRoute(ScheduleRegistry registry, ConfigurableListableBeanFactory beanFactory,
			TargetResolver targets) {
		return new ScheduleRoute(registry, beanFactory, targets.mapper());
	}

}
