package io.serverlessspring.boot.scheduling;

import io.serverlessspring.boot.routing.LambdaRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

/**
 * In Lambda the environment is frozen between invocations, so Spring's in-process scheduler would
 * fire late, twice, or never: when deployed, {@code @EnableScheduling}'s post-processor is removed
 * and EventBridge fires the methods through the {@link ScheduleRoute} instead. Locally nothing
 * changes.
 */
public class InProcessSchedulingSwitch implements BeanFactoryPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(InProcessSchedulingSwitch.class);

	private final Environment environment;

	public InProcessSchedulingSwitch(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String processor = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
		if (LambdaRuntime.from(this.environment).isDeployed() && beanFactory instanceof BeanDefinitionRegistry registry
				&& registry.containsBeanDefinition(processor)) {
			registry.removeBeanDefinition(processor);
			logger.info("Running in Lambda: @Scheduled methods run when EventBridge fires them, not in-process");
		}
	}

}
