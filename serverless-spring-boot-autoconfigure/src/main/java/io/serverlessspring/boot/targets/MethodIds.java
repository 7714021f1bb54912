package io.serverlessspring.boot.targets;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Stable ids of bean methods, {@code beanName#method(java.lang.String,int)}: the form tasks and
 * the manifest use, the same whether computed from classes or from a running context.
 */
public final class MethodIds {

	private MethodIds() {
	}

	/** {@code beanName#method(type,...)} with {@link Class#getTypeName()} parameter types. */
	public static String id(String beanName, Method method) {
		return beanName + "#" + method.getName() + signature(method);
	}

	/** {@code beanName#method}, without parameter types. */
	public static String shortId(String beanName, Method method) {
		return beanName + "#" + method.getName();
	}

	/** {@code (type,...)}. */
	public static String signature(Method method) {
		return Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
			.collect(Collectors.joining(",", "(", ")"));
	}

}
