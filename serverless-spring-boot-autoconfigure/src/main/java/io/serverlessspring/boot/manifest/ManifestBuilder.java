package io.serverlessspring.boot.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.serverlessspring.boot.events.EventHandlerDefinition;
import io.serverlessspring.boot.naming.ServerlessNames;
import io.serverlessspring.boot.scanning.AppBeans;
import io.serverlessspring.boot.scheduling.ScheduleDefinition;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.TaskSettings;
import io.serverlessspring.boot.settings.TaskSettings.Source;
import io.serverlessspring.boot.tasks.TaskDefinition;
import io.serverlessspring.boot.websocket.WebSocketRouteDefinition;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Computes the {@link DeploymentManifest} from bean definitions and the stage's properties. The
 * same code runs in the generator (definitions only, nothing started) and in the function (the
 * running context, for the drift check and the actuator endpoint).
 */
public final class ManifestBuilder {

	private ManifestBuilder() {
	}

	/**
	 * @param mainClass the application class, or {@code null} to find the {@code @SpringBootConfiguration} bean
	 * @param deployedFunction the running function's name when deployed, else {@code null}
	 * @param problems where declarations EventBridge or AWS cannot take are reported; {@code null} to throw them
	 */
	public static DeploymentManifest build(ConfigurableListableBeanFactory beanFactory, Environment environment,
			ServerlessProperties properties, String mainClass, String deployedFunction, Consumer<RuntimeException> problems) {
		ServerlessNames names = ServerlessNames.of(environment, properties, deployedFunction);
		List<AppBeans.AppBean> beans = AppBeans.of(beanFactory);
		List<DeploymentManifest.Schedule> schedules = new ArrayList<>();
		List<DeploymentManifest.Task> tasks = new ArrayList<>();
		List<DeploymentManifest.EventHandler> handlers = new ArrayList<>();
		List<DeploymentManifest.FunctionBean> functions = new ArrayList<>();
		List<WebSocketRouteDefinition> webSocketRoutes = new ArrayList<>();
		TaskSettings taskSettings = properties.getTasks();
		boolean anySns = false;
		boolean anySqs = false;
		boolean anyCapture = false;
		String main = mainClass;
		for (AppBeans.AppBean bean : beans) {
			if (main == null && AnnotatedElementUtils.hasAnnotation(bean.type(), SpringBootConfiguration.class)) {
				main = bean.type().getName();
			}
			try {
				for (ScheduleDefinition s : ScheduleDefinition.scan(bean.name(), bean.type(),
						environment::resolveRequiredPlaceholders, properties.getSchedules().isEnabled(),
						new HashSet<>(properties.getSchedules().getDisabled()))) {
					schedules.add(new DeploymentManifest.Schedule(s.id(), s.name(),
							s.beanName() + "#" + s.method().getName() + "()", s.spring(), s.expression(), s.timezone(),
							s.enabled()));
				}
				for (TaskDefinition t : TaskDefinition.scan(bean.name(), bean.type(),
						environment::resolveRequiredPlaceholders, taskSettings.getSource())) {
					tasks.add(new DeploymentManifest.Task(t.id(), t.source().name().toLowerCase(), t.captureResponse(),
							t.function(), t.region()));
					anySns |= t.source() == Source.SNS;
					anySqs |= t.source() == Source.SQS;
					anyCapture |= t.captureResponse();
				}
				for (EventHandlerDefinition h : EventHandlerDefinition.scan(bean.name(), bean.type(),
						environment::resolveRequiredPlaceholders)) {
					handlers.add(handler(h));
				}
				webSocketRoutes.addAll(WebSocketRouteDefinition.scan(bean.name(), bean.type(),
						environment::resolveRequiredPlaceholders));
			}
			catch (RuntimeException ex) {
				report(problems, ex);
			}
			DeploymentManifest.FunctionBean function = function(beanFactory, bean);
			if (function != null) {
				functions.add(function);
			}
		}
		properties.getEvents().getHandlers().forEach((id, binding) -> {
			try {
				handlers.add(handler(EventHandlerDefinition.fromSettings(id, binding)));
			}
			catch (RuntimeException ex) {
				report(problems, ex);
			}
		});
		List<DeploymentManifest.WebSocketRoute> routes = new ArrayList<>();
		try {
			WebSocketRouteDefinition.distinct(webSocketRoutes)
				.forEach((r) -> routes.add(new DeploymentManifest.WebSocketRoute(r.routeKey(), r.target())));
		}
		catch (RuntimeException ex) {
			report(problems, ex);
		}
		schedules.sort(Comparator.comparing(DeploymentManifest.Schedule::id));
		tasks.sort(Comparator.comparing(DeploymentManifest.Task::id));
		handlers.sort(Comparator.comparing(DeploymentManifest.EventHandler::id));
		functions.sort(Comparator.comparing(DeploymentManifest.FunctionBean::name));
		DeploymentManifest.TaskResources resources = new DeploymentManifest.TaskResources(
				anySns ? orDefault(taskSettings.getSnsTopic(), names.taskResource()) : null,
				anySqs ? orDefault(taskSettings.getSqsQueue(), names.taskResource()) : null,
				anyCapture ? orDefault(taskSettings.getResponseTable(), names.taskResource()) : null,
				taskSettings.getResponseTtl().toSeconds());
		return new DeploymentManifest(DeploymentManifest.FORMAT_VERSION, names.application(), names.stage(), main, DeploymentManifest.HANDLER,
				List.copyOf(schedules),
				new DeploymentManifest.KeepWarm(properties.getKeepWarm().isEnabled(), properties.getKeepWarm().getExpression()),
				List.copyOf(tasks), resources, List.copyOf(handlers), List.copyOf(functions),
				new DeploymentManifest.Commands(properties.getCommands().isRawEnabled()),
				new DeploymentManifest.WebSocket(
						routes.isEmpty() ? null : properties.getHttp().getWebsocket().getRouteSelection(), routes));
	}

	private static void report(Consumer<RuntimeException> problems, RuntimeException ex) {
		if (problems == null) {
			throw ex;
		}
		problems.accept(ex);
	}

	private static DeploymentManifest.EventHandler handler(EventHandlerDefinition h) {
		return new DeploymentManifest.EventHandler(h.id(), h.target(), h.type().value(), h.source(),
				(h.batchSize() > 0) ? h.batchSize() : null,
				h.batchWindowSeconds(), h.startingPosition(), h.reportBatchItemFailures(), h.events(), h.filter(),
				h.enabled(), h.deadLetterQueue(), h.streamViewType());
	}

	/** A Function / Consumer / Supplier bean, with the generic types its definition shows. */
	private static DeploymentManifest.FunctionBean function(ConfigurableListableBeanFactory beanFactory,
			AppBeans.AppBean bean) {
		ResolvableType type = bean.resolvableType();
		String kind;
		ResolvableType input = ResolvableType.NONE;
		ResolvableType output = ResolvableType.NONE;
		if (Function.class.isAssignableFrom(bean.type())) {
			kind = "function";
			input = type.as(Function.class).getGeneric(0);
			output = type.as(Function.class).getGeneric(1);
		}
		else if (Consumer.class.isAssignableFrom(bean.type())) {
			kind = "consumer";
			input = type.as(Consumer.class).getGeneric(0);
		}
		else if (Supplier.class.isAssignableFrom(bean.type())) {
			kind = "supplier";
			output = type.as(Supplier.class).getGeneric(0);
		}
		else {
			return null;
		}
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(bean.name());
		String declaredBy = (definition.getFactoryMethodName() != null && definition.getFactoryBeanName() != null)
				? factoryClass(beanFactory, definition.getFactoryBeanName()) + "#" + definition.getFactoryMethodName()
				: bean.type().getName();
		return new DeploymentManifest.FunctionBean(bean.name(), kind, typeName(input), typeName(output), declaredBy);
	}

	private static String factoryClass(ConfigurableListableBeanFactory beanFactory, String factoryBean) {
		Class<?> type = beanFactory.getType(factoryBean, false);
		return (type != null) ? org.springframework.util.ClassUtils.getUserClass(type).getName() : factoryBean;
	}

	private static String typeName(ResolvableType type) {
		return (type == ResolvableType.NONE || type.resolve() == null) ? null : type.getType().getTypeName();
	}

	private static String orDefault(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/** Differences between two manifests, one line each, for the drift warning. */
	public static List<String> differences(DeploymentManifest packaged, DeploymentManifest running) {
		List<String> differences = new ArrayList<>();
		compare(differences, "schedule", index(packaged.schedules(), DeploymentManifest.Schedule::id),
				index(running.schedules(), DeploymentManifest.Schedule::id),
				(s) -> s.expression() + ((s.timezone() != null) ? " " + s.timezone() : "") + (s.enabled() ? "" : " (disabled)"));
		compare(differences, "task", index(packaged.tasks(), DeploymentManifest.Task::id),
				index(running.tasks(), DeploymentManifest.Task::id),
				(t) -> t.source() + (t.captureResponse() ? " capturing its response" : "")
						+ ((t.function() != null) ? " in " + t.function() : ""));
		compare(differences, "event handler", index(packaged.eventHandlers(), DeploymentManifest.EventHandler::id),
				index(running.eventHandlers(), DeploymentManifest.EventHandler::id),
				(h) -> h.type() + ":" + h.source() + " -> " + h.target());
		compare(differences, "WebSocket route", index(packaged.webSocket().routes(), DeploymentManifest.WebSocketRoute::routeKey),
				index(running.webSocket().routes(), DeploymentManifest.WebSocketRoute::routeKey),
				DeploymentManifest.WebSocketRoute::target);
		return differences;
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
		Map<String, T> map = new java.util.TreeMap<>();
		items.forEach((item) -> map.put(id.apply(item), item));
		return map;
	}

	private static <T> void compare(List<String> differences, String what, Map<String, T> packaged, Map<String, T> running,
			Function<T, String> describe) {
		running.forEach((id, item) -> {
			T expected = packaged.get(id);
			if (expected == null) {
				differences.add(what + " " + id + " (" + describe.apply(item) + ") is here but not in the manifest");
			}
			else if (!describe.apply(expected).equals(describe.apply(item))) {
				differences.add(what + " " + id + " is " + describe.apply(item) + " here but " + describe.apply(expected)
						+ " in the manifest");
			}
		});
		packaged.forEach((id, item) -> {
			if (!running.containsKey(id)) {
				differences.add(what + " " + id + " (" + describe.apply(item) + ") is in the manifest but not here");
			}
		});
	}

}
