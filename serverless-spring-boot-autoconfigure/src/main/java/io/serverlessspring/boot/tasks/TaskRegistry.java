package io.serverlessspring.boot.tasks;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The task methods of the running context, registered by the proxying post-processor. */
public class TaskRegistry {

	private final Map<String, TaskDefinition> byId = new ConcurrentHashMap<>();

	private final Map<String, Map<Method, TaskDefinition>> byBean = new ConcurrentHashMap<>();

	void register(TaskDefinition definition) {
		this.byId.put(definition.id(), definition);
		this.byBean.computeIfAbsent(definition.beanName(), (name) -> new ConcurrentHashMap<>())
			.put(definition.method(), definition);
	}

	/** The definition of a task method of a bean. */
	public TaskDefinition definition(String beanName, Method method) {
		Map<Method, TaskDefinition> methods = this.byBean.getOrDefault(beanName, Map.of());
		TaskDefinition definition = methods.get(method);
		if (definition == null) {
			// The proxy may see an override or bridge of the annotated method: match by signature.
			definition = methods.values().stream()
				.filter((d) -> d.method().getName().equals(method.getName())
						&& java.util.Arrays.equals(d.method().getParameterTypes(), method.getParameterTypes()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No @ServerlessTask " + method + " on bean " + beanName));
		}
		return definition;
	}

	/** The task with this stable id, if any. */
	public TaskDefinition byId(String id) {
		return this.byId.get(id);
	}

	/** Every task, by id. */
	public List<TaskDefinition> all() {
		List<TaskDefinition> all = new ArrayList<>(this.byId.values());
		all.sort(java.util.Comparator.comparing(TaskDefinition::id));
		return Collections.unmodifiableList(all);
	}

}
