package io.serverlessspring.boot.tasks;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import io.serverlessspring.boot.scanning.AnnotatedMethods;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import io.serverlessspring.boot.targets.MethodIds;

/**
 * One {@link ServerlessTask} method, its settings resolved: what the manifest lists and the
 * dispatcher uses. Found the same way from classes (manifest) and from beans (runtime).
 */
public record TaskDefinition(String id, String beanName, Method method, Source source, boolean captureResponse,
		String function, String region) {

	/**
	 * The task methods of a bean class.
	 * @param resolver resolves {@code ${...}} in annotation attributes
	 * @throws IllegalStateException naming the method when a task method is not public or returns
	 * something a task cannot
	 */
	public static List<TaskDefinition> scan(String beanName, Class<?> type, UnaryOperator<String> resolver,
			Source defaultSource) {
		Map<Method, ServerlessTask> methods = AnnotatedMethods.find(type, ServerlessTask.class);
		List<TaskDefinition> definitions = new ArrayList<>();
		methods.forEach((method, task) -> {
			String where = type.getName() + "." + method.getName();
			if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
				throw new IllegalStateException("@ServerlessTask method " + where
						+ " must be a public instance method: calls reach it through the bean's proxy");
			}
			if (!returnsSupported(method)) {
				throw new IllegalStateException("@ServerlessTask method " + where + " returns "
						+ method.getReturnType().getName()
						+ ": a task returns at once, so it must return void, TaskHandle or CompletableFuture");
			}
			Source source = switch (task.source()) {
				case DEFAULT -> defaultSource;
				case LAMBDA -> Source.LAMBDA;
				case SNS -> Source.SNS;
				case SQS -> Source.SQS;
			};
			String function = blankToNull(resolver.apply(task.function()));
			String region = blankToNull(resolver.apply(task.region()));
			if (function != null && source != Source.LAMBDA) {
				throw new IllegalStateException("@ServerlessTask method " + where + " names a remote function ("
						+ function + ") but its source is " + source.name().toLowerCase()
						+ ": a remote function is reached with the lambda source only");
			}
			definitions.add(new TaskDefinition(MethodIds.id(beanName, method), beanName, method, source,
					task.captureResponse(), function, region));
		});
		definitions.sort(java.util.Comparator.comparing(TaskDefinition::id));
		return definitions;
	}

	static boolean returnsSupported(Method method) {
		Class<?> type = method.getReturnType();
		return type == void.class || type == TaskHandle.class || type == CompletableFuture.class
				|| type == Future.class || type == TaskFuture.class;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
