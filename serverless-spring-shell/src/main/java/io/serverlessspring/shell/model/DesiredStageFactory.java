package io.serverlessspring.shell.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.shell.packaging.HttpGetMappings;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.settings.FunctionStartup;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.shell.packaging.Manifests;
import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import tools.jackson.databind.json.JsonMapper;

/** Derives the {@link DesiredStage} from a stage's settings and its package. No AWS calls. */
public final class DesiredStageFactory {

	/** The Lambda handler of every function built with the starter. */
	public static final String HANDLER = "io.serverlessspring.boot.handler.ServerlessHandler::handleRequest";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Lambda's limit on the layers of a function. */
	private static final int MAX_LAYERS = 5;

	private static final String KEEP_WARM_INPUT = "{\"serverless\":{\"kind\":\"keep-warm\"}}";

	private DesiredStageFactory() {
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
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
		DeploymentManifest manifest = pkg.manifest();

		Map<String, String> tags = new LinkedHashMap<>(function.getTags());
		tags.put(StageTags.APP, settings.applicationName());
		tags.put(StageTags.STAGE, settings.stage());
		tags.put(StageTags.FUNCTION, name);
		tags.put(StageTags.MANAGED_BY, StageTags.MANAGER);

		RoleSpec role = null;
		String roleArn = properties.getIam().getRoleArn();
		if (roleArn == null) {
			String roleName = (properties.getIam().getRoleName() != null) ? properties.getIam().getRoleName()
					: ResourceNames.role(name);
			role = new RoleSpec(roleName, "lambda.amazonaws.com",
					LeastPrivilegePolicy.document(region, account, name, properties, manifest, ConfigImportGrants.of(region,
							account, settings.configImports(), function.getRemoteEnv())),
					List.copyOf(properties.getIam().getAttachPolicies()), properties.getIam().getPermissionsBoundary());
			roleArn = Arns.role(account, roleName);
		}

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVERLESS_STAGE", settings.stage());
		// A stage that extends others starts with their profiles too, most extended first (later wins).
		environment.put("SPRING_PROFILES_ACTIVE", String.join(",", settings.profiles()));
		if (settings.profiles().size() > 1) {
			environment.put(ServerlessHandler.PROFILES_ENV, String.join(",", settings.profiles()));
		}
		if (FunctionStartup.javaToolOptions(function) != null) {
			environment.put("JAVA_TOOL_OPTIONS", FunctionStartup.javaToolOptions(function));
		}
		DeploymentManifest.TaskResources taskResources = manifest.taskResources();
		TaskResourcesSpec tasks = (taskResources == null) ? TaskResourcesSpec.NONE
				: new TaskResourcesSpec(blankToNull(taskResources.responseTable()), blankToNull(taskResources.snsTopic()),
						blankToNull(taskResources.sqsQueue()));
		if (tasks.table() != null) {
			tags.put(StageTags.TASK_TABLE, tasks.table());
		}
		if (tasks.topic() != null) {
			tags.put(StageTags.TASK_TOPIC, tasks.topic());
		}
		if (tasks.queue() != null) {
			tags.put(StageTags.TASK_QUEUE, tasks.queue());
		}
		if (tasks.topic() != null) {
			environment.put("SERVERLESS_TASKS_SNSTOPICARN", Arns.topic(region, account, tasks.topic()));
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
				FunctionStartup.snapStart(function), function.getReservedConcurrency(), function.getProvisionedConcurrency(),
				function.getFileSystems().stream().map(f -> new FileSystemSpec(f.getArn(), f.getLocalMountPath())).toList());

		Map<String, String> packageTags = new LinkedHashMap<>();
		packageTags.put(StageTags.PACKAGE_HASH, pkg.shortHash());
		if (pkg.info().gitCommit() != null) {
			packageTags.put(StageTags.GIT_COMMIT, pkg.info().gitCommit().substring(0, Math.min(12, pkg.info().gitCommit().length()))
					+ (pkg.info().gitDirty() ? "-dirty" : ""));
		}
		packageTags.put(StageTags.SOURCE_DATE, pkg.info().sourceDate());

		String bucket = (properties.getDeploy().getBucket() != null) ? properties.getDeploy().getBucket()
				: ResourceNames.defaultBucket(account, region);
		CodeSpec code = new CodeSpec(pkg.zip(), ResourceNames.codeKey(name, pkg.zipSha256Hex()), pkg.codeSha256(),
				pkg.contentHash(), packageTags);

		List<ScheduleSpec> schedules = new ArrayList<>();
		boolean schedulesOn = properties.getSchedules().isEnabled();
		for (DeploymentManifest.Schedule schedule : Manifests.schedules(manifest)) {
			String scheduleName = blankToNull(schedule.name());
			String expression = blankToNull(schedule.expression());
			if (scheduleName == null || expression == null) {
				continue;
			}
			String input = "{\"serverless\":{\"kind\":\"schedule\",\"id\":\""
					+ (schedule.id() != null ? schedule.id() : scheduleName)
					+ "\",\"scheduleArn\":\"<aws.scheduler.schedule-arn>\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\","
					+ "\"executionId\":\"<aws.scheduler.execution-id>\"}}";
			schedules.add(new ScheduleSpec(ResourceNames.schedule(name, scheduleName), expression, schedule.timezone(),
					schedulesOn && schedule.enabled(), input));
		}
		DeploymentManifest.KeepWarm keepWarm = manifest.keepWarm();
		boolean warm = (keepWarm != null) ? keepWarm.enabled() : properties.getKeepWarm().isEnabled();
		String warmExpression = (keepWarm != null && keepWarm.expression() != null) ? keepWarm.expression()
				: properties.getKeepWarm().getExpression();
		if (warm) {
			schedules.add(new ScheduleSpec(ResourceNames.schedule(name, "keep-warm"), warmExpression, null, true, KEEP_WARM_INPUT));
		}
		String aliasArn = Arns.alias(region, account, name);
		RoleSpec schedulerRole = schedules.isEmpty() ? null
				: new RoleSpec(ResourceNames.schedulerRole(name), "scheduler.amazonaws.com",
						LeastPrivilegePolicy.schedulerDocument(aliasArn), List.of(), properties.getIam().getPermissionsBoundary());

		HttpSettings http = properties.getHttp();
		HttpFrontSpec front = new HttpFrontSpec(http.getType(), ResourceNames.api(name), http.getFunctionUrlAuth().name(),
				HttpSecuritySpec.of(http, name),
				(http.getType() == HttpSettings.Type.ALB) ? AlbSpec.of(http.getAlb(), name) : null);
		LogGroupSpec logGroup = new LogGroupSpec(ResourceNames.logGroup(name), properties.getLogs().getRetentionDays());
		String versionDescription = StageTags.VERSION_MARKER + pkg.zipSha256Hex().substring(0, 12) + "/" + spec.configurationDigest();
		String touchPath = TouchPath.choose(properties.getDeploy(), HttpGetMappings.of(pkg.zip()));
		List<EventSourceSpec> eventSources = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (FunctionStartup.snapStartNote(function) != null) {
			notes.add(FunctionStartup.snapStartNote(function));
		}
		for (DeploymentManifest.EventHandler handler : Manifests.eventHandlers(manifest)) {
			EventSourceSpec source = eventSource(handler, region, account);
			if (source != null && source.deadLetterArn() != null && !"sqs".equals(Arns.service(source.deadLetterArn()))) {
				throw new io.serverlessspring.shell.settings.SettingsException("The dead-letter queue of event handler "
						+ handler.id() + " is " + handler.deadLetterQueue()
						+ ": an EventBridge rule target's dead-letter queue is an SQS queue (a name or an SQS ARN).");
			}
			if (source != null) {
				eventSources.add(source);
			}
			else {
				notes.add("event handler " + handler.id() + " (" + handler.type() + " " + handler.source()
						+ "): not connected by deploy yet");
			}
		}
		if (properties.getEvents().isCreateQueues()) {
			// The stage owns its handlers' queues: deploy creates them, undeploy (finding them by this tag) removes them.
			List<String> queues = eventSources.stream()
				.filter(source -> "sqs".equals(source.type())
						&& source.sourceArn().equals(Arns.queue(region, account, Arns.resourceName(source.sourceArn()))))
				.map(source -> Arns.resourceName(source.sourceArn()))
				.filter(queue -> !queue.equals(tasks.queue()))
				.distinct()
				.toList();
			if (!queues.isEmpty()) {
				tags.put(StageTags.EVENT_QUEUES, String.join(",", queues));
			}
		}
		if (tasks.queue() != null) {
			eventSources.add(new EventSourceSpec("tasks", "sqs", Arns.queue(region, account, tasks.queue()),
					10, 0, null, true, true));
		}
		if (pkg.layer() != null && function.getLayers().size() > MAX_LAYERS - 1) {
			throw new io.serverlessspring.shell.settings.SettingsException("serverless.function.layers names "
					+ function.getLayers().size() + " layers; Lambda allows " + MAX_LAYERS
					+ " per function and the app's dependency layer takes one: name at most " + (MAX_LAYERS - 1) + ".");
		}
		LayerSpec layer = (pkg.layer() == null) ? null
				: new LayerSpec(ResourceNames.DEPENDENCY_LAYER, pkg.layer().contentHash(), pkg.layer().zip(),
						ResourceNames.layerKey(pkg.layer().contentHash()), pkg.layer().size());
		return new DesiredStage(settings.applicationName(), settings.stage(), region, account, tags, role, roleArn,
				schedulerRole, bucket, code, spec, versionDescription, properties.getDeploy().getRetainedVersions(), front,
				logGroup, schedules, touchPath, List.copyOf(eventSources), List.copyOf(notes), tasks,
				WebSocketSpec.of(manifest, name, settings.stage(), http.getWebsocket().getRouteSelection()), layer);
	}

	/**
	 * One handler as an event source, or {@code null} for a type deploy does not connect.
	 * Names become ARNs; a DynamoDB table stays a table ARN until its stream is read.
	 */
	static EventSourceSpec eventSource(DeploymentManifest.EventHandler handler, String region, String account) {
		String type = (handler.type() != null) ? handler.type() : "";
		String source = blankToNull(handler.source());
		if (source == null) {
			return null;
		}
		String id = (handler.id() != null) ? handler.id() : source;
		Map<String, Object> filter = (handler.filter() != null) ? handler.filter() : Map.of();
		String position = (handler.startingPosition() != null) ? handler.startingPosition() : "LATEST";
		return switch (type) {
			case "sqs", "kinesis" -> new EventSourceSpec(id, type, Arns.orArn(type, region, account, source),
					handler.batchSize(), handler.batchWindowSeconds(), "kinesis".equals(type) ? position : null,
					handler.reportBatchItemFailures(), handler.enabled(), filterJson(filter));
			case "dynamodb" -> new EventSourceSpec(id, type, Arns.orArn(type, region, account, source),
					handler.batchSize(), handler.batchWindowSeconds(), position, handler.reportBatchItemFailures(),
					handler.enabled(), filterJson(filter), List.of(), null, null, null, handler.streamViewType());
			case "sns" -> new EventSourceSpec(id, type, Arns.orArn(type, region, account, source), null, null, null, false,
					handler.enabled(), null, List.of(), null, null);
			case "s3" -> new EventSourceSpec(id, type, Arns.orArn(type, region, account, source), null, null, null, false,
					handler.enabled(), null,
					(handler.events() == null || handler.events().isEmpty()) ? List.of("s3:ObjectCreated:*")
							: List.copyOf(handler.events()),
					filter.get("prefix") instanceof String prefix ? prefix : null,
					filter.get("suffix") instanceof String suffix ? suffix : null);
			case "eventbridge" -> new EventSourceSpec(id, type, Arns.orArn("events", region, account, source), null, null,
					null, false, handler.enabled(), filter.isEmpty() ? EventSourceSpec.EVERY_EVENT : filterJson(filter),
					List.of(), null, null,
					(handler.deadLetterQueue() != null) ? Arns.orArn("sqs", region, account, handler.deadLetterQueue()) : null,
					null);
			case "logs", "cognito", "lex" -> EventTriggerSpecs.of(handler, id, source, region, account);
			default -> null;
		};
	}

	private static String filterJson(Map<String, Object> filter) {
		return filter.isEmpty() ? null : JSON.writeValueAsString(filter);
	}

}
