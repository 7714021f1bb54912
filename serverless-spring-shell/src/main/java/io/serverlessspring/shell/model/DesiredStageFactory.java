package io.serverlessspring.shell.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.settings.StageSettings;
import tools.jackson.databind.JsonNode;

/** Derives the {@link DesiredStage} from a stage's settings and its package. No AWS calls. */
public final class DesiredStageFactory {

	/** The Lambda handler of every function built with the starter. */
	public static final String HANDLER = "io.serverlessspring.boot.handler.ServerlessHandler::handleRequest";

	private static final String KEEP_WARM_INPUT = "{\"serverless\":{\"kind\":\"keep-warm\"}}";

	private DesiredStageFactory() {
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	public static DesiredStage create(StageSettings settings, LambdaPackage pkg, String region, String account) {
		return create(settings, pkg, region, account, null);
	}

	/**
	 * @param endpoint an emulator's endpoint (queue URLs are formed on it), or {@code null} for AWS
	 */
	public static DesiredStage create(StageSettings settings, LambdaPackage pkg, String region, String account,
			java.net.URI endpoint) {
		ServerlessProperties properties = settings.properties();
		FunctionSettings function = properties.getFunction();
		String name = settings.functionName();
		JsonNode manifest = pkg.manifest();

		Map<String, String> tags = new LinkedHashMap<>(function.getTags());
		tags.put(Names.TAG_APP, settings.applicationName());
		tags.put(Names.TAG_STAGE, settings.stage());
		tags.put(Names.TAG_FUNCTION, name);
		tags.put(Names.TAG_MANAGED_BY, Names.MANAGED_BY);

		RoleSpec role = null;
		String roleArn = properties.getIam().getRoleArn();
		if (roleArn == null) {
			String roleName = (properties.getIam().getRoleName() != null) ? properties.getIam().getRoleName()
					: Names.role(name);
			role = new RoleSpec(roleName, "lambda.amazonaws.com",
					LeastPrivilegePolicy.document(region, account, name, properties, manifest),
					List.copyOf(properties.getIam().getAttachPolicies()), properties.getIam().getPermissionsBoundary());
			roleArn = Names.roleArn(account, roleName);
		}

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVERLESS_STAGE", settings.stage());
		environment.put("SPRING_PROFILES_ACTIVE", settings.stage());
		if (function.getJavaOptions() != null && !function.getJavaOptions().isBlank()) {
			environment.put("JAVA_TOOL_OPTIONS", function.getJavaOptions());
		}
		JsonNode taskResourceNode = manifest.path("taskResources");
		TaskResourcesSpec tasks = new TaskResourcesSpec(text(taskResourceNode, "responseTable"),
				text(taskResourceNode, "snsTopic"), text(taskResourceNode, "sqsQueue"));
		if (tasks.table() != null) {
			tags.put(Names.TAG_TASK_TABLE, tasks.table());
		}
		if (tasks.topic() != null) {
			tags.put(Names.TAG_TASK_TOPIC, tasks.topic());
		}
		if (tasks.queue() != null) {
			tags.put(Names.TAG_TASK_QUEUE, tasks.queue());
		}
		if (tasks.topic() != null) {
			environment.put("SERVERLESS_TASKS_SNSTOPICARN", "arn:aws:sns:" + region + ":" + account + ":" + tasks.topic());
		}
		if (tasks.queue() != null) {
			environment.put("SERVERLESS_TASKS_SQSQUEUEURL", (endpoint != null)
					? endpoint.toString().replaceAll("/$", "") + "/" + account + "/" + tasks.queue()
					: "https://sqs." + region + ".amazonaws.com/" + account + "/" + tasks.queue());
		}
		environment.putAll(function.getEnvironment());

		FunctionSpec spec = new FunctionSpec(name, function.getDescription(), function.getRuntime().id(), HANDLER,
				function.getArchitecture().id(), function.getMemory(), function.getTimeout(),
				function.getEphemeralStorage(), environment, List.copyOf(function.getLayers()),
				function.getTracing().id(), function.getKmsKeyArn(), function.getDeadLetterTarget(),
				List.copyOf(function.getVpc().getSubnetIds()), List.copyOf(function.getVpc().getSecurityGroupIds()),
				function.isSnapStart(), function.getReservedConcurrency(), function.getProvisionedConcurrency());

		Map<String, String> packageTags = new LinkedHashMap<>();
		packageTags.put(Names.TAG_PACKAGE_HASH, pkg.shortHash());
		if (pkg.info().gitCommit() != null) {
			packageTags.put(Names.TAG_GIT_COMMIT, pkg.info().gitCommit().substring(0, Math.min(12, pkg.info().gitCommit().length()))
					+ (pkg.info().gitDirty() ? "-dirty" : ""));
		}
		packageTags.put(Names.TAG_SOURCE_DATE, pkg.info().sourceDate());

		String bucket = (properties.getDeploy().getBucket() != null) ? properties.getDeploy().getBucket()
				: Names.defaultBucket(account, region);
		CodeSpec code = new CodeSpec(pkg.zip(), Names.codeKey(name, pkg.zipSha256Hex()), pkg.codeSha256(),
				pkg.contentHash(), packageTags);

		List<ScheduleSpec> schedules = new ArrayList<>();
		boolean schedulesOn = properties.getSchedules().isEnabled();
		for (JsonNode schedule : manifest.path("schedules")) {
			String scheduleName = schedule.path("name").asString("");
			String expression = schedule.path("expression").asString("");
			if (scheduleName.isEmpty() || expression.isEmpty()) {
				continue;
			}
			JsonNode zone = schedule.path("timezone");
			String input = "{\"serverless\":{\"kind\":\"schedule\",\"id\":\"" + schedule.path("id").asString(scheduleName)
					+ "\",\"scheduleArn\":\"<aws.scheduler.schedule-arn>\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\","
					+ "\"executionId\":\"<aws.scheduler.execution-id>\"}}";
			schedules.add(new ScheduleSpec(Names.schedule(name, scheduleName), expression,
					zone.isString() ? zone.asString() : null,
					schedulesOn && schedule.path("enabled").asBoolean(true), input));
		}
		JsonNode keepWarm = manifest.path("keepWarm");
		boolean warm = keepWarm.isObject() ? keepWarm.path("enabled").asBoolean(false) : properties.getKeepWarm().isEnabled();
		String warmExpression = keepWarm.isObject() ? keepWarm.path("expression").asString(properties.getKeepWarm().getExpression())
				: properties.getKeepWarm().getExpression();
		if (warm) {
			schedules.add(new ScheduleSpec(Names.schedule(name, "keep-warm"), warmExpression, null, true, KEEP_WARM_INPUT));
		}
		String aliasArn = Names.aliasArn(region, account, name);
		RoleSpec schedulerRole = schedules.isEmpty() ? null
				: new RoleSpec(Names.schedulerRole(name), "scheduler.amazonaws.com",
						LeastPrivilegePolicy.schedulerDocument(aliasArn), List.of(), properties.getIam().getPermissionsBoundary());

		HttpSettings http = properties.getHttp();
		HttpFrontSpec front = new HttpFrontSpec(http.getType(), Names.api(name), http.getFunctionUrlAuth().name(),
				HttpSecuritySpec.of(http, name));
		LogGroupSpec logGroup = new LogGroupSpec(Names.logGroup(name), properties.getLogs().getRetentionDays());
		String versionDescription = Names.VERSION_MARKER + pkg.zipSha256Hex().substring(0, 12) + "/" + spec.configurationDigest();
		String touchPath = properties.getDeploy().isTouch() ? properties.getDeploy().getTouchPath() : null;
		List<EventSourceSpec> eventSources = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (JsonNode handler : manifest.path("eventHandlers")) {
			String type = handler.path("type").asString("");
			String source = handler.path("source").asString("");
			String id = handler.path("id").asString(source);
			Integer batchSize = handler.path("batchSize").isNumber() ? handler.path("batchSize").asInt() : null;
			Integer window = handler.path("batchWindowSeconds").isNumber() ? handler.path("batchWindowSeconds").asInt() : null;
			String position = handler.path("startingPosition").isString() ? handler.path("startingPosition").asString() : null;
			boolean failures = handler.path("reportBatchItemFailures").asBoolean(false);
			boolean enabled = handler.path("enabled").asBoolean(true);
			JsonNode filterNode = handler.path("filter");
			String filter = (filterNode.isObject() && !filterNode.isEmpty()) ? filterNode.toString() : null;
			switch (type) {
				case "sqs" -> eventSources.add(new EventSourceSpec(id, type,
						source.startsWith("arn:") ? source : "arn:aws:sqs:" + region + ":" + account + ":" + source,
						batchSize, window, null, failures, enabled, filter));
				case "kinesis" -> eventSources.add(new EventSourceSpec(id, type,
						source.startsWith("arn:") ? source : "arn:aws:kinesis:" + region + ":" + account + ":stream/" + source,
						batchSize, window, position != null ? position : "LATEST", failures, enabled, filter));
				case "dynamodb" -> {
					if (source.startsWith("arn:") && source.contains("/stream/")) {
						eventSources.add(new EventSourceSpec(id, type, source, batchSize, window,
								position != null ? position : "LATEST", failures, enabled, filter));
					}
					else {
						notes.add("event handler " + id + ": give the DynamoDB stream ARN as its source to connect it");
					}
				}
				case "sns", "s3" -> {
					// Pushing sources: wired by the events planner after this plan (see Deployer).
				}
				default -> notes.add("event handler " + id + " (" + type + " " + source
						+ "): not connected by deploy yet");
			}
		}
		if (properties.getEvents().isCreateQueues()) {
			// The stage owns its handlers' queues: deploy creates them, undeploy (finding them by this tag) removes them.
			String ownArns = "arn:aws:sqs:" + region + ":" + account + ":";
			List<String> queues = eventSources.stream()
				.filter(source -> "sqs".equals(source.type()) && source.sourceArn().startsWith(ownArns))
				.map(source -> source.sourceArn().substring(ownArns.length()))
				.filter(queue -> !queue.equals(tasks.queue()))
				.distinct()
				.toList();
			if (!queues.isEmpty()) {
				tags.put(Names.TAG_EVENT_QUEUES, String.join(",", queues));
			}
		}
		if (tasks.queue() != null) {
			eventSources.add(new EventSourceSpec("tasks", "sqs", "arn:aws:sqs:" + region + ":" + account + ":" + tasks.queue(),
					10, 0, null, true, true));
		}
		return new DesiredStage(settings.applicationName(), settings.stage(), region, account, tags, role, roleArn,
				schedulerRole, bucket, code, spec, versionDescription, properties.getDeploy().getRetainedVersions(), front,
				logGroup, schedules, touchPath, List.copyOf(eventSources), List.copyOf(notes), tasks);
	}

}
