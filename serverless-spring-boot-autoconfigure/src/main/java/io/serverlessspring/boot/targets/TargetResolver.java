package io.serverlessspring.boot.targets;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Resolves a target named as {@code docs/reference/events.md} says: {@code bean#method(types)},
 * {@code bean#method} (overload by argument count) or a Spring Cloud Function definition.
 */
public class TargetResolver {

	private final ConfigurableListableBeanFactory beanFactory;

	private final JsonMapper mapper;

	/** A class of the optional {@code spring-cloud-function-context}: function targets need it. */
	private static final String FUNCTION_CATALOG = "org.springframework.cloud.function.context.FunctionCatalog";

	public TargetResolver(ConfigurableListableBeanFactory beanFactory, JsonMapper mapper) {
		this.beanFactory = beanFactory;
		this.mapper = mapper;
	}

	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * The target named {@code target}; {@code argCount} picks among overloads when no signature is given.
	 * @throws TargetNotFoundException when nothing has that name
	 * @throws BadArgumentsException when the name is ambiguous for that argument count
	 */
	public InvocationTarget resolve(String target, int argCount) {
		if (target == null || target.isBlank()) {
			throw new TargetNotFoundException("No target given: name a bean method (bean#method) or a function bean");
		}
		String name = target.trim();
		int hash = name.indexOf('#');
		if (hash < 0) {
			return function(name);
		}
		String beanName = name.substring(0, hash);
		String rest = name.substring(hash + 1);
		if (!this.beanFactory.containsBean(beanName)) {
			throw new TargetNotFoundException("No bean named '" + beanName + "' (target " + name + ")");
		}
		Class<?> type = ClassUtils.getUserClass(this.beanFactory.getType(beanName));
		int paren = rest.indexOf('(');
		String methodName = (paren < 0) ? rest : rest.substring(0, paren);
		List<Method> candidates = Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(type))
			.filter((m) -> m.getName().equals(methodName) && Modifier.isPublic(m.getModifiers()) && !m.isBridge())
			.toList();
		if (candidates.isEmpty()) {
			throw new TargetNotFoundException("Bean '" + beanName + "' (" + type.getName() + ") has no public method '"
					+ methodName + "'");
		}
		List<Method> matching;
		if (paren >= 0) {
			String signature = rest.substring(paren).replace(" ", "");
			matching = candidates.stream().filter((m) -> MethodIds.signature(m).equals(signature)).toList();
			if (matching.isEmpty()) {
				throw new TargetNotFoundException("Bean '" + beanName + "' has no method " + methodName + signature
						+ "; it has " + candidates.stream().map((m) -> MethodIds.id(beanName, m)).toList());
			}
		}
		else {
			matching = candidates.stream().filter((m) -> m.getParameterCount() == argCount).toList();
			if (matching.isEmpty()) {
				throw new BadArgumentsException(name + " takes no " + argCount + " argument(s); candidates: "
						+ candidates.stream().map((m) -> MethodIds.id(beanName, m)).toList());
			}
			if (matching.size() > 1) {
				throw new BadArgumentsException(name + " is overloaded with " + argCount
						+ " argument(s); name one with its signature: "
						+ matching.stream().map((m) -> MethodIds.id(beanName, m)).toList());
			}
		}
		return new MethodTarget(this.beanFactory, beanName, matching.get(0), this.mapper);
	}

	/** A Spring Cloud Function definition ({@code name} or {@code a|b}). */
	public FunctionTarget function(String definition) {
		if (!ClassUtils.isPresent(FUNCTION_CATALOG, TargetResolver.class.getClassLoader())) {
			throw new TargetNotFoundException("'" + definition + "' is not bean#method, and Spring Cloud Function, which"
					+ " looks it up as a function bean, is not on the class path: add the dependency"
					+ " org.springframework.cloud:spring-cloud-function-context (optional in the starter), or name a bean"
					+ " method as bean#method");
		}
		FunctionCatalog catalog = this.beanFactory.getBeanProvider(FunctionCatalog.class).getIfAvailable();
		if (catalog == null) {
			throw new TargetNotFoundException("'" + definition + "' is not bean#method and there is no FunctionCatalog"
					+ " (spring-cloud-function-context) to look it up as a function");
		}
		FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
		if (function == null) {
			throw new TargetNotFoundException("No function named '" + definition + "'; functions: "
					+ catalog.getNames(null));
		}
		return new FunctionTarget(definition, function, this.mapper);
	}

}
