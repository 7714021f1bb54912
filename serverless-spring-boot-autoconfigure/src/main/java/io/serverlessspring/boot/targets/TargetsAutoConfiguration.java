package io.serverlessspring.boot.targets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Resolves {@code bean#method} and function targets for tasks, events and commands. Spring Cloud
 * Function is optional: no type of it appears here, so an app without it never loads one.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
public class TargetsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public TargetResolver serverlessTargetResolver(ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new TargetResolver(beanFactory, jsonMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build()));
	}

}
