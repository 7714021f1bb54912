package io.serverlessspring.boot.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.errors.MissingDependencyException;
import io.serverlessspring.boot.scanning.AppBeans;
import io.serverlessspring.boot.settings.EventSettings;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The event handlers of the running context: annotated methods and property bindings, read at
 * start so a bad binding fails start-up with the property at fault.
 */
public class EventHandlerRegistry implements SmartInitializingSingleton {

	/** A class of {@code com.amazonaws:aws-lambda-java-events}: the typed events handlers bind to. */
	static final String TYPED_EVENTS = "com.amazonaws.services.lambda.runtime.events.SQSEvent";

	/** A class of {@code com.amazonaws:aws-lambda-java-serialization}: the runtime's own event readers. */
	static final String EVENT_SERIALIZERS = "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final EventSettings settings;

	private volatile List<EventHandlerDefinition> handlers;

	public EventHandlerRegistry(ConfigurableListableBeanFactory beanFactory, Environment environment,
			EventSettings settings) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<EventHandlerDefinition> handlers = all();
		ClassLoader loader = EventHandlerRegistry.class.getClassLoader();
		if (!handlers.isEmpty()
				&& !(ClassUtils.isPresent(TYPED_EVENTS, loader) && ClassUtils.isPresent(EVENT_SERIALIZERS, loader))) {
			throw new MissingDependencyException("The event handler " + handlers.get(0).id()
					+ " (@ServerlessEventHandler or serverless.events.handlers)",
					List.of("com.amazonaws:aws-lambda-java-events", "com.amazonaws:aws-lambda-java-serialization"));
		}
	}

	/** Every handler, by id. */
	public List<EventHandlerDefinition> all() {
		if (this.handlers == null) {
			List<EventHandlerDefinition> found = new ArrayList<>();
			for (AppBeans.AppBean bean : AppBeans.of(this.beanFactory)) {
				found.addAll(EventHandlerDefinition.scan(bean.name(), bean.type(),
						this.environment::resolveRequiredPlaceholders));
			}
			for (Map.Entry<String, EventSettings.Handler> binding : this.settings.getHandlers().entrySet()) {
				found.add(EventHandlerDefinition.fromSettings(binding.getKey(), binding.getValue()));
			}
			found.sort(Comparator.comparing(EventHandlerDefinition::id));
			this.handlers = List.copyOf(found);
		}
		return this.handlers;
	}

	/** Whether any handler of this type exists. */
	public boolean has(EventSourceType type) {
		return all().stream().anyMatch((h) -> h.type() == type);
	}

	/** The handlers bound to the source of this record. */
	public List<EventHandlerDefinition> forRecord(EventSourceType type, JsonNode record) {
		List<String> identifiers = SourceIdentifiers.of(type, record);
		return all().stream().filter((h) -> h.type() == type && identifiers.contains(h.source())).toList();
	}

	/** The EventBridge handlers whose pattern this event matches. */
	public List<EventHandlerDefinition> forEventBridge(JsonNode event) {
		return all().stream()
			.filter((h) -> h.type() == EventSourceType.EVENTBRIDGE && EventPatterns.matches(h.filter(), event))
			.toList();
	}

}
