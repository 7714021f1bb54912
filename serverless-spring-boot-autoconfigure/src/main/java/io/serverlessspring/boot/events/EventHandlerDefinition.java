package io.serverlessspring.boot.events;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.serverlessspring.boot.scanning.AnnotatedMethods;
import io.serverlessspring.boot.settings.EventSettings;
import io.serverlessspring.boot.targets.MethodIds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.StringUtils;

/**
 * One event source bound to one target, from a {@link ServerlessEventHandler} method or a
 * {@code serverless.events.handlers.<id>} binding: what the manifest lists and the route uses.
 * {@code beanName}/{@code method} are set for annotated methods, {@code null} for bindings (whose
 * {@code target} is a function definition or {@code bean#method}).
 */
public record EventHandlerDefinition(String id, EventSourceType type, String source, String target, int batchSize,
		int batchWindowSeconds, String startingPosition, boolean reportBatchItemFailures, List<String> events,
		Map<String, Object> filter, boolean enabled, String beanName, Method method, String deadLetterQueue,
		String streamViewType) {

	private static final java.util.Set<String> VIEW_TYPES = java.util.Set.of("NEW_AND_OLD_IMAGES", "NEW_IMAGE",
			"OLD_IMAGE", "KEYS_ONLY");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The annotated handler methods of a bean class; errors name the method. */
	public static List<EventHandlerDefinition> scan(String beanName, Class<?> type, UnaryOperator<String> resolver) {
		Map<Method, ServerlessEventHandler> methods = AnnotatedMethods.find(type, ServerlessEventHandler.class);
		List<EventHandlerDefinition> definitions = new ArrayList<>();
		methods.forEach((method, handler) -> {
			String where = "@ServerlessEventHandler on " + type.getName() + "." + method.getName();
			if (!Modifier.isPublic(method.getModifiers())) {
				throw new IllegalStateException(where + " must be public");
			}
			long inputs = Arrays.stream(method.getParameterTypes())
				.filter((p) -> !p.getName().equals("com.amazonaws.services.lambda.runtime.Context"))
				.count();
			if (inputs != 1) {
				throw new IllegalStateException(where + " takes " + inputs
						+ " event parameters: it takes one (the event, a record or a body type), and optionally the Context");
			}
			Map<String, Object> filter = new LinkedHashMap<>();
			putIfText(filter, "prefix", resolver.apply(handler.prefix()));
			putIfText(filter, "suffix", resolver.apply(handler.suffix()));
			String pattern = resolver.apply(handler.pattern());
			if (StringUtils.hasText(pattern)) {
				filter.putAll(pattern(pattern, where + " pattern"));
			}
			if (handler.type() == EventSourceType.LOGS) {
				putIfText(filter, "filterPattern", resolver.apply(handler.filterPattern()));
			}
			String source = resolver.apply(handler.source());
			definitions.add(new EventHandlerDefinition(MethodIds.shortId(beanName, method), handler.type(),
					defaultSource(handler.type(), source, where), MethodIds.id(beanName, method), handler.batchSize(),
					handler.batchWindowSeconds(), streamPosition(handler.type(), handler.startingPosition()),
					batchReporting(handler.type(), handler.reportBatchItemFailures()),
					events(handler.type(), List.of(handler.events()), where + " events"),
					filter.isEmpty() ? null : filter, true, beanName, method,
					deadLetterQueue(handler.type(), resolver.apply(handler.deadLetterQueue()), where + " deadLetterQueue"),
					streamViewType(handler.type(), handler.enableStream(), resolver.apply(handler.streamViewType()),
							where + " enableStream", where + " streamViewType")));
		});
		definitions.sort(Comparator.comparing(EventHandlerDefinition::id));
		return definitions;
	}

	/** A {@code serverless.events.handlers.<id>} binding; errors name the property. */
	public static EventHandlerDefinition fromSettings(String id, EventSettings.Handler handler) {
		String property = "serverless.events.handlers." + id;
		if (!StringUtils.hasText(handler.getType())) {
			throw new IllegalStateException(property + ".type is missing: s3, sns, sqs, dynamodb, kinesis, eventbridge, logs, cognito or lex");
		}
		EventSourceType type = EventSourceType.parse(handler.getType(), property + ".type");
		if (!StringUtils.hasText(handler.getTarget())) {
			throw new IllegalStateException(property + ".target is missing: a function bean name or bean#method");
		}
		Map<String, Object> filter = new LinkedHashMap<>();
		putIfText(filter, "prefix", handler.getPrefix());
		putIfText(filter, "suffix", handler.getSuffix());
		if (StringUtils.hasText(handler.getPattern())) {
			filter.putAll(pattern(handler.getPattern(), property + ".pattern"));
		}
		if (type == EventSourceType.LOGS) {
			putIfText(filter, "filterPattern", handler.getFilterPattern());
		}
		return new EventHandlerDefinition(id, type, defaultSource(type, handler.getSource(), property + ".source"),
				handler.getTarget().trim(), handler.getBatchSize(), (int) handler.getBatchWindow().toSeconds(),
				streamPosition(type, handler.getStartingPosition()), batchReporting(type, handler.isReportBatchItemFailures()),
				events(type, handler.getEvents(), property + ".events"), filter.isEmpty() ? null : filter, handler.isEnabled(), null, null,
				deadLetterQueue(type, handler.getDeadLetterQueue(), property + ".dead-letter-queue"),
				streamViewType(type, handler.isEnableStream(), handler.getStreamViewType(), property + ".enable-stream",
						property + ".stream-view-type"));
	}

	/** The rule target's dead-letter queue: eventbridge only. */
	private static String deadLetterQueue(EventSourceType type, String queue, String where) {
		if (!StringUtils.hasText(queue)) {
			return null;
		}
		if (type != EventSourceType.EVENTBRIDGE) {
			throw new IllegalStateException(where + " is set on a " + type.value()
					+ " handler: only eventbridge rules have a dead-letter queue (for the function's own, see serverless.function.dead-letter-target)");
		}
		return queue.trim();
	}

	/** The view type of a stream deploy enables, or {@code null} when not asked: dynamodb only. */
	private static String streamViewType(EventSourceType type, boolean enable, String viewType, String enableWhere,
			String viewTypeWhere) {
		if (!enable) {
			return null;
		}
		if (type != EventSourceType.DYNAMODB) {
			throw new IllegalStateException(enableWhere + " is set on a " + type.value()
					+ " handler: only dynamodb tables have a stream deploy can enable");
		}
		String value = StringUtils.hasText(viewType) ? viewType.trim().toUpperCase() : "NEW_AND_OLD_IMAGES";
		if (!VIEW_TYPES.contains(value)) {
			throw new IllegalStateException(viewTypeWhere + " is '" + viewType
					+ "': expected NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY");
		}
		return value;
	}

	private static String defaultSource(EventSourceType type, String source, String where) {
		if (StringUtils.hasText(source)) {
			return TriggerSources.check(type, source.trim(), where);
		}
		if (type == EventSourceType.EVENTBRIDGE) {
			return "default";
		}
		throw new IllegalStateException(where + ": the " + type.value() + " source is missing (a name or an ARN)");
	}

	private static String streamPosition(EventSourceType type, String position) {
		if (type != EventSourceType.DYNAMODB && type != EventSourceType.KINESIS) {
			return null;
		}
		String value = StringUtils.hasText(position) ? position.trim().toUpperCase() : "LATEST";
		if (!value.equals("LATEST") && !value.equals("TRIM_HORIZON")) {
			throw new IllegalStateException("startingPosition is '" + position + "': expected LATEST or TRIM_HORIZON");
		}
		return value;
	}

	/** Only SQS and streams report failed records; elsewhere the flag means nothing and is false. */
	private static boolean batchReporting(EventSourceType type, boolean requested) {
		return requested && (type == EventSourceType.SQS || type == EventSourceType.DYNAMODB
				|| type == EventSourceType.KINESIS);
	}

	private static List<String> events(EventSourceType type, List<String> events, String where) {
		if (type == EventSourceType.COGNITO) {
			// One trigger per handler: each trigger's event and response have their own type.
			if (events.size() != 1) {
				throw new IllegalStateException(where + " names " + events.size()
						+ " Cognito triggers: name exactly one, e.g. PreSignUp");
			}
			return List.of(CognitoTrigger.parse(events.get(0), where).configName());
		}
		if (type != EventSourceType.S3) {
			return List.of();
		}
		return events.isEmpty() ? List.of("s3:ObjectCreated:*") : List.copyOf(events);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> pattern(String json, String where) {
		try {
			JsonNode node = JSON.readTree(json);
			if (!node.isObject()) {
				throw new IllegalStateException(where + " must be a JSON object, e.g. {\"source\":[\"petstore.orders\"]}");
			}
			return JSON.convertValue(node, Map.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(where + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void putIfText(Map<String, Object> map, String key, String value) {
		if (StringUtils.hasText(value)) {
			map.put(key, value.trim());
		}
	}

}
