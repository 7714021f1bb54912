package io.serverlessspring.boot.scanning;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The application's own beans with their types, from bean definitions: the same list whether the
 * context is running (the function) or only defined, nothing instantiated (the manifest
 * generator). Framework and Serverless Spring beans are left out.
 */
public final class AppBeans {

	/** One bean: its name, its user class (proxies unwrapped) and its full generic type. */
	public record AppBean(String name, Class<?> type, ResolvableType resolvableType) {
	}

	/**
	 * The packages of this library's own beans (a list, not the prefix: the tests' apps live in
	 * sibling packages of these and must count as apps).
	 */
	private static final java.util.Set<String> OWN_PACKAGES = java.util.Set.of("actuate", "authorizer", "commands",
			"errors", "events", "handler", "http", "manifest", "naming", "routing", "scanning", "scheduling", "settings",
			"targets", "tasks", "warmup");

	private AppBeans() {
	}

	private static boolean isOurs(String className) {
		String prefix = "io.serverlessspring.boot.";
		if (!className.startsWith(prefix)) {
			return false;
		}
		String rest = className.substring(prefix.length());
		int dot = rest.indexOf('.');
		return dot > 0 && OWN_PACKAGES.contains(rest.substring(0, dot));
	}

	public static List<AppBean> of(ConfigurableListableBeanFactory beanFactory) {
		List<AppBean> beans = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
			if (definition.isAbstract() || definition.getRole() != BeanDefinition.ROLE_APPLICATION) {
				continue;
			}
			Class<?> type;
			try {
				type = beanFactory.getType(name, false);
			}
			catch (RuntimeException unresolvable) {
				continue;
			}
			if (type == null) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			String className = userClass.getName();
			if (className.startsWith("org.springframework.") || isOurs(className)) {
				continue;
			}
			ResolvableType resolvable = definition.getResolvableType();
			if (resolvable == ResolvableType.NONE || resolvable.resolve() == null) {
				resolvable = ResolvableType.forClass(userClass);
			}
			beans.add(new AppBean(name, userClass, resolvable));
		}
		return beans;
	}

}
