package io.serverlessspring.boot.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code serverless-manifest.json}, as {@code docs/reference/manifest.md} describes it: what the
 * console must create for the app besides the function. Written by the function side's
 * {@link ManifestGenerator}, read by the console; both go through {@link ManifestJson} only.
 *
 * <p>Readers never null-check: a list or group the JSON leaves out (or sets to {@code null}) reads
 * as empty or switched off. Components keep the JSON's field order.
 */
public record DeploymentManifest(int formatVersion, String application, String stage, String mainClass,
		String handler, List<Schedule> schedules, KeepWarm keepWarm, List<Task> tasks, TaskResources taskResources,
		List<EventHandler> eventHandlers, List<FunctionBean> functions, Commands commands,
		@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = WebSocket.NoRoutes.class) WebSocket webSocket) {

	/**
	 * The format this library writes and the newest it reads. It changes only on an incompatible
	 * change (fields are added without changing it, and readers ignore fields they do not know);
	 * {@link ManifestJson#read} refuses a newer one, since the console would misread it.
	 */
	public static final int FORMAT_VERSION = 1;

	/** The file's name at the root of the Lambda zip (and so of the function's class path). */
	public static final String FILE_NAME = "serverless-manifest.json";

	/** The Lambda handler every function uses. */
	public static final String HANDLER = "io.serverlessspring.boot.handler.ServerlessHandler::handleRequest";

	public DeploymentManifest {
		schedules = list(schedules, "schedules");
		keepWarm = (keepWarm != null) ? keepWarm : new KeepWarm(false, null);
		tasks = list(tasks, "tasks");
		taskResources = (taskResources != null) ? taskResources : new TaskResources(null, null, null, 0);
		eventHandlers = list(eventHandlers, "eventHandlers");
		functions = list(functions, "functions");
		commands = (commands != null) ? commands : new Commands(false);
		webSocket = (webSocket != null) ? webSocket : new WebSocket(null, List.of());
	}

	/** A manifest without WebSocket routes (the components before they were added). */
	public DeploymentManifest(int formatVersion, String application, String stage, String mainClass, String handler,
			List<Schedule> schedules, KeepWarm keepWarm, List<Task> tasks, TaskResources taskResources,
			List<EventHandler> eventHandlers, List<FunctionBean> functions, Commands commands) {
		this(formatVersion, application, stage, mainClass, handler, schedules, keepWarm, tasks, taskResources,
				eventHandlers, functions, commands, null);
	}

	/** The schedule with this id ({@code bean#method}). */
	public Optional<Schedule> schedule(String id) {
		return this.schedules.stream().filter((s) -> s.id().equals(id)).findFirst();
	}

	/** The task with this id ({@code bean#method(types)}). */
	public Optional<Task> task(String id) {
		return this.tasks.stream().filter((t) -> t.id().equals(id)).findFirst();
	}

	/** The event handlers of one type ({@code sqs}, {@code s3}, …, as in {@code type}). */
	public List<EventHandler> eventHandlers(String type) {
		return this.eventHandlers.stream().filter((h) -> h.type().equals(type)).toList();
	}

	public record Schedule(String id, String name, String target, String spring, String expression, String timezone,
			boolean enabled) {
	}

	/** {@code enabled} false when the JSON leaves the group out. */
	public record KeepWarm(boolean enabled, String expression) {
	}

	public record Task(String id, String source, boolean captureResponse, String function, String region) {
	}

	/** Names are {@code null} when no task needs that resource (and when the JSON leaves the group out). */
	public record TaskResources(String snsTopic, String sqsQueue, String responseTable, long responseTtlSeconds) {
	}

	/**
	 * {@code batchSize} is {@code null} for the AWS default (0 in the annotation or properties);
	 * {@code filter} is {@code null} when there is none; {@code events} is never {@code null}.
	 * {@code deadLetterQueue} (eventbridge: the SQS queue, name or ARN, the rule's target sends events
	 * it cannot deliver to) and {@code streamViewType} (dynamodb: the view type deploy enables the
	 * table's stream with when it has none) are {@code null} when not asked for, and then left out.
	 */
	public record EventHandler(String id, String target, String type, String source, Integer batchSize,
			int batchWindowSeconds, String startingPosition, boolean reportBatchItemFailures, List<String> events,
			Map<String, Object> filter, boolean enabled,
			@JsonInclude(JsonInclude.Include.NON_NULL) String deadLetterQueue,
			@JsonInclude(JsonInclude.Include.NON_NULL) String streamViewType) {

		public EventHandler {
			events = list(events, "eventHandlers[].events");
		}

		/** A handler without a dead-letter queue or stream enabling (the components before they were added). */
		public EventHandler(String id, String target, String type, String source, Integer batchSize,
				int batchWindowSeconds, String startingPosition, boolean reportBatchItemFailures, List<String> events,
				Map<String, Object> filter, boolean enabled) {
			this(id, target, type, source, batchSize, batchWindowSeconds, startingPosition, reportBatchItemFailures,
					events, filter, enabled, null, null);
		}

	}

	public record FunctionBean(String name, String kind, String inputType, String outputType, String declaredBy) {
	}

	/**
	 * The app's WebSocket API: the route selection expression and a route per {@code @WebSocketRoute}
	 * key, sorted by key; no routes (when the JSON leaves the group out too) means no WebSocket API.
	 */
	public record WebSocket(String routeSelection, List<WebSocketRoute> routes) {

		public WebSocket {
			routes = list(routes, "webSocket.routes");
		}

		/** Leaves the group out of the JSON when there is no route, so manifests without WebSocket APIs stay as they were. */
		static final class NoRoutes {

			@Override
			public boolean equals(Object value) {
				return value == null || (value instanceof WebSocket webSocket && webSocket.routes().isEmpty());
			}

			@Override
			public int hashCode() {
				return 0;
			}

		}

		/** The route keys, in order. */
		public List<String> routeKeys() {
			return this.routes.stream().map(WebSocketRoute::routeKey).toList();
		}

	}

	/** {@code target} is {@code bean#method(types)}. */
	public record WebSocketRoute(String routeKey, String target) {
	}

	/** {@code rawEnabled} false (raw invokes refused) when the JSON leaves the group out. */
	public record Commands(boolean rawEnabled) {
	}

	/** An immutable copy; {@code null} is empty, a {@code null} entry is an error naming the field. */
	private static <T> List<T> list(List<T> items, String field) {
		if (items == null) {
			return List.of();
		}
		if (items.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("The manifest's " + field + " has a null entry");
		}
		return List.copyOf(items);
	}

}
