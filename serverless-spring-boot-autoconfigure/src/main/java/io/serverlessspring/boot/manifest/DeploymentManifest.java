package io.serverlessspring.boot.manifest;

import java.util.List;
import java.util.Map;

/**
 * {@code serverless-manifest.json}, format version 1, as {@code docs/reference/manifest.md}
 * describes it: what the console must create for the app besides the function.
 */
public record DeploymentManifest(int formatVersion, String application, String stage, String mainClass,
		String handler, List<Schedule> schedules, KeepWarm keepWarm, List<Task> tasks, TaskResources taskResources,
		List<EventHandler> eventHandlers, List<FunctionBean> functions, Commands commands) {

	/** The file's name at the root of the Lambda zip (and so of the function's class path). */
	public static final String FILE_NAME = "serverless-manifest.json";

	/** The Lambda handler every function uses. */
	public static final String HANDLER = "io.serverlessspring.boot.handler.ServerlessHandler::handleRequest";

	public record Schedule(String id, String name, String target, String spring, String expression, String timezone,
			boolean enabled) {
	}

	public record KeepWarm(boolean enabled, String expression) {
	}

	public record Task(String id, String source, boolean captureResponse, String function, String region) {
	}

	public record TaskResources(String snsTopic, String sqsQueue, String responseTable, long responseTtlSeconds) {
	}

	/** {@code batchSize} is {@code null} for the AWS default (0 in the annotation or properties). */
	public record EventHandler(String id, String target, String type, String source, Integer batchSize,
			int batchWindowSeconds, String startingPosition, boolean reportBatchItemFailures, List<String> events,
			Map<String, Object> filter, boolean enabled) {
	}

	public record FunctionBean(String name, String kind, String inputType, String outputType, String declaredBy) {
	}

	public record Commands(boolean rawEnabled) {
	}

}
