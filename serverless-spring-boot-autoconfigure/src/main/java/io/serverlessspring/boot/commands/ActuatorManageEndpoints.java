package io.serverlessspring.boot.commands;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.serverlessspring.boot.errors.ErrorResult;
import io.serverlessspring.boot.scanning.AnnotatedMethods;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Runs actuator endpoints' read operations in-process: the endpoint beans the context has (made
 * available to {@code manage} by {@link ManageEndpointExposure}, not exposed over HTTP), filtered
 * by {@code serverless.commands.manage-endpoints}.
 */
public class ActuatorManageEndpoints implements ManageEndpoints {

	private final ApplicationContext context;

	private final List<String> allowed;

	private volatile Map<String, Object> endpoints;

	public ActuatorManageEndpoints(ApplicationContext context, List<String> allowed) {
		this.context = context;
		this.allowed = List.copyOf(allowed);
	}

	private Map<String, Object> endpoints() {
		if (this.endpoints == null) {
			Map<String, Object> found = new TreeMap<>();
			this.context.getBeansWithAnnotation(Endpoint.class).values().forEach((bean) -> {
				Endpoint endpoint = AnnotatedElementUtils.findMergedAnnotation(ClassUtils.getUserClass(bean), Endpoint.class);
				if (endpoint != null && this.allowed.contains(endpoint.id())) {
					found.put(endpoint.id(), bean);
				}
			});
			this.endpoints = found;
		}
		return this.endpoints;
	}

	@Override
	public List<String> ids() {
		return List.copyOf(endpoints().keySet());
	}

	@Override
	public Object read(String id, List<String> args) {
		Object bean = endpoints().get(id);
		Class<?> type = ClassUtils.getUserClass(bean);
		List<Method> reads = List.copyOf(AnnotatedMethods.find(type, ReadOperation.class).keySet());
		Method operation = reads.stream().filter((m) -> selectorCount(m) == args.size()).findFirst()
			.orElseThrow(() -> new CommandException(ErrorResult.BAD_ARGUMENTS, "Endpoint " + id + " takes "
					+ reads.stream().map(ActuatorManageEndpoints::selectorCount).distinct().sorted().toList()
					+ " selector argument(s), " + args.size() + " given"));
		Parameter[] parameters = operation.getParameters();
		Object[] values = new Object[parameters.length];
		int next = 0;
		for (int i = 0; i < parameters.length; i++) {
			if (parameters[i].isAnnotationPresent(Selector.class)) {
				values[i] = DefaultConversionService.getSharedInstance().convert(args.get(next++), parameters[i].getType());
			}
		}
		ReflectionUtils.makeAccessible(operation);
		return ReflectionUtils.invokeMethod(operation, bean, values);
	}

	private static int selectorCount(Method method) {
		return (int) Arrays.stream(method.getParameters()).filter((p) -> p.isAnnotationPresent(Selector.class)).count();
	}

}
