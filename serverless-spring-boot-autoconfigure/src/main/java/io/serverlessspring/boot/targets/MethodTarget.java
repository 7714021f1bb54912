package io.serverlessspring.boot.targets;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ReflectionUtils;

/** A public method of a bean, called through the bean (and so through its proxies). */
public final class MethodTarget implements InvocationTarget {

	private final BeanFactory beanFactory;

	private final String beanName;

	private final Method method;

	private final JsonMapper mapper;

	public MethodTarget(BeanFactory beanFactory, String beanName, Method method, JsonMapper mapper) {
		this.beanFactory = beanFactory;
		this.beanName = beanName;
		this.method = method;
		this.mapper = mapper;
	}

	@Override
	public String id() {
		return MethodIds.id(this.beanName, this.method);
	}

	public String beanName() {
		return this.beanName;
	}

	public Method method() {
		return this.method;
	}

	@Override
	public Object invoke(JsonNode args) throws Exception {
		return invokeWith(convert(args));
	}

	/** Converts JSON arguments to the parameter types, naming the parameter that does not fit. */
	public Object[] convert(JsonNode args) {
		int count = (args == null || args.isNull() || args.isMissingNode()) ? 0 : args.size();
		if (args != null && !args.isNull() && !args.isMissingNode() && !args.isArray()) {
			throw new BadArgumentsException(id() + ": args must be a JSON array, not a JSON "
					+ args.getNodeType().name().toLowerCase());
		}
		Parameter[] parameters = this.method.getParameters();
		if (count != parameters.length) {
			throw new BadArgumentsException(id() + " takes " + parameters.length + " argument(s), " + count + " given");
		}
		Object[] values = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			JavaType type = this.mapper.constructType(parameters[i].getParameterizedType());
			try {
				values[i] = this.mapper.convertValue(args.get(i), type);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				throw new BadArgumentsException(id() + ": argument " + (i + 1) + " (" + parameters[i].getName()
						+ ") is not a " + type.toCanonical() + ": " + rootMessage(ex), ex);
			}
			if (values[i] == null && parameters[i].getType().isPrimitive()) {
				throw new BadArgumentsException(id() + ": argument " + (i + 1) + " (" + parameters[i].getName()
						+ ") is a " + parameters[i].getType() + " and cannot be null");
			}
		}
		return values;
	}

	/** Calls the method on the bean with already converted arguments. */
	public Object invokeWith(Object[] values) throws Exception {
		Object bean = this.beanFactory.getBean(this.beanName);
		Method invocable = AopUtils.selectInvocableMethod(this.method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		try {
			return invocable.invoke(bean, values);
		}
		catch (InvocationTargetException ex) {
			// What the method threw, not the reflection wrapper.
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private static String rootMessage(Exception ex) {
		return (ex instanceof JacksonException jackson) ? jackson.getOriginalMessage() : ex.getMessage();
	}

}
