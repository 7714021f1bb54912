package io.serverlessspring.boot.tasks;

import java.util.List;

import io.serverlessspring.boot.settings.TaskSettings.Source;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Proxies beans with {@link ServerlessTask} methods (as {@code @Async} does) and registers the
 * methods in the {@link TaskRegistry}. Invalid task methods fail start-up, naming the method.
 */
public class ServerlessTaskPostProcessor implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware, Ordered {

	private BeanFactory beanFactory;

	private Environment environment;

	private TaskRegistry registry;

	// Bound once: binding it for each bean the context creates cost start-up time.
	private SingletonSupplier<Source> defaultSource;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
		this.defaultSource = SingletonSupplier.of(() -> Binder.get(environment)
			.bind("serverless.tasks.source", Source.class)
			.orElse(Source.LAMBDA));
	}

	@Override
	public int getOrder() {
		// After other advisors, like @Async's: our advice is the outermost that matters.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof TaskDispatcher || bean instanceof TaskRegistry) {
			return bean;
		}
		Class<?> type = AopUtils.getTargetClass(bean);
		if (type.getName().startsWith("org.springframework.")) {
			return bean;
		}
		List<TaskDefinition> tasks = TaskDefinition.scan(beanName, type, this.environment::resolveRequiredPlaceholders,
				this.defaultSource.obtain());
		if (tasks.isEmpty()) {
			return bean;
		}
		TaskRegistry taskRegistry = registry();
		tasks.forEach(taskRegistry::register);
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(null, ServerlessTask.class, true),
				new TaskInterceptor(beanName, () -> this.beanFactory.getBean(TaskDispatcher.class)));
		if (bean instanceof Advised advised && !advised.isFrozen() && AopUtils.isAopProxy(bean)) {
			advised.addAdvisor(advisor);
			return bean;
		}
		ProxyFactory proxyFactory = new ProxyFactory(bean);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(advisor);
		return proxyFactory.getProxy(type.getClassLoader());
	}

	private TaskRegistry registry() {
		if (this.registry == null) {
			this.registry = this.beanFactory.getBean(TaskRegistry.class);
		}
		return this.registry;
	}

}
