package io.serverlessspring.boot.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.errors.OptionalDependency;
import io.serverlessspring.boot.scanning.AppBeans;
import io.serverlessspring.boot.settings.EventSettings;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * The event handlers of the running context: annotated methods and property bindings, read at
 * start so a bad binding fails start-up with the property at fault.
 */
public class EventHandlerRegistry implements SmartInitializingSingleton {

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
		if (!handlers.isEmpty()) {
			OptionalDependency.require(feature(handlers.get(0).id()), EventHandlerRegistry.class.getClassLoader(),
					OptionalDependency.LAMBDA_EVENTS, OptionalDependency.LAMBDA_SERIALIZATION);
		}
	}

	/** How the start-up check and the manifest generator name a handler that needs the typed events. */
	public static String feature(String handlerId) {
		return "The event handler " + handlerId + " (@ServerlessEventHandler or serverless.events.handlers)";
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
