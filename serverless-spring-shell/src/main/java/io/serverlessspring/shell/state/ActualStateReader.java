package io.serverlessspring.shell.state;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.FileSystemSpec;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.EventTriggerSpecs;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualStage.ActualFunction;
import io.serverlessspring.shell.state.ActualStage.ActualHttpApi;
import io.serverlessspring.shell.state.ActualStage.ActualLogGroup;
import io.serverlessspring.shell.state.ActualStage.ActualRestApi;
import io.serverlessspring.shell.state.ActualStage.ActualRole;
import io.serverlessspring.shell.state.ActualStage.ActualSchedule;
import io.serverlessspring.shell.state.ActualStage.ActualVersion;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what exists for a stage, by name and tags. Read-only calls only. */
public final class ActualStateReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ActualStateReader() {
	}

	public static ActualStage read(AwsClients clients, StageNames names) {
		String function = names.function();
		ActualRole role = (names.role() != null) ? role(clients, names.role()) : null;
		ActualRole schedulerRole = role(clients, names.schedulerRole());
		boolean bucket = bucketExists(clients, names.bucket());
		boolean code = bucket && names.codeKey() != null && objectExists(clients, names.bucket(), names.codeKey());
		ActualFunction actualFunction = function(clients, function);
		List<ActualVersion> versions = (actualFunction != null) ? versions(clients, function) : List.of();
		Map<String, String> aliases = (actualFunction != null) ? aliases(clients, function) : Map.of();
		boolean live = aliases.containsKey(ResourceNames.ALIAS);
		ActualHttpApi httpApi = HttpStateReader.httpApi(clients, function);
		ActualRestApi restApi = HttpStateReader.restApi(clients, function);
		Map<String, String> permissions = live ? permissions(clients, function) : Map.of();
		TaskResourcesSpec tasks = names.tasks();
		List<String> eventQueues = List.of();
		if (names.forRemoval() && actualFunction != null) {
			// Undeploy has no package: the function's tags name what deploy created besides it.
			Map<String, String> tags = actualFunction.tags();
			tasks = new TaskResourcesSpec(tags.get(StageTags.TASK_TABLE), tags.get(StageTags.TASK_TOPIC),
					tags.get(StageTags.TASK_QUEUE));
			String queues = tags.get(StageTags.EVENT_QUEUES);
			eventQueues = (queues == null || queues.isBlank()) ? List.of()
					: java.util.Arrays.stream(queues.split(",")).filter(q -> EventStateReader.queueExists(clients, q)).toList();
		}
		else if (names.forRemoval()) {
			// The function is gone (deleted by hand, or an undeploy stopped after removing it): the
			// queues, topic and table deploy made for it are found by the function tag they carry.
			TaggedResources tagged = TaggedResources.of(clients, function);
			tasks = new TaskResourcesSpec(tagged.table(), tagged.topic(), null);
			eventQueues = tagged.queues();
		}
		Set<String> missing = new LinkedHashSet<>(EventStateReader.missingQueues(clients, names.sourceArns()));
		ActualStage.ActualEvents events = EventStateReader.events(clients,
				Arns.alias(clients.region(), clients.accountId(), function), names.sources(),
				sources(permissions, "serverless-sns-"), sources(permissions, "serverless-s3-"), missing);
		events = events.withTriggers(EventStateReader.triggers(clients,
				Arns.alias(clients.region(), clients.accountId(), function), names.sources(),
				sources(permissions, EventTriggerSpecs.LOGS_PERMISSION_PREFIX),
				sources(permissions, EventTriggerSpecs.COGNITO_PERMISSION_PREFIX),
				missing).withBotAliases(EventStateReader.botAliases(clients, names.sources(),
						sources(permissions, EventTriggerSpecs.LEX_PERMISSION_PREFIX), missing)));
		return new ActualStage(role, schedulerRole, bucket, code, actualFunction, versions, aliases,
				logGroup(clients, ResourceNames.logGroup(function)), httpApi, restApi,
				live ? HttpStateReader.functionUrl(clients, function) : null, permissions,
				scheduleGroupExists(clients, function), schedules(clients, function),
				(live || names.forRemoval()) ? EventStateReader.mappings(clients, function) : Map.of(), missing,
				EventStateReader.tasks(clients, tasks, function), events,
				HttpStateReader.security(clients, function, names.stage(), names.security(), httpApi, restApi,
						names.forRemoval()),
				(names.forRemoval() && bucket) ? keys(clients, names.bucket(), ResourceNames.codePrefix(function)) : List.of(),
				eventQueues, WebSocketStateReader.webSocketApi(clients, function), AlbStateReader.read(clients, function),
				LayerStateReader.read(clients));
	}

	/** Source ARNs of the alias's permissions whose statement id starts with {@code prefix}. */
	private static Set<String> sources(Map<String, String> permissions, String prefix) {
		Set<String> arns = new LinkedHashSet<>();
		permissions.forEach((sid, statement) -> {
			if (sid.startsWith(prefix)) {
				String source = JSON.readTree(statement).path("Condition").path("ArnLike").path("AWS:SourceArn").asString("");
				if (!source.isEmpty()) {
					arns.add(source);
				}
			}
		});
		return arns;
	}

	/** Keys under {@code prefix} in the bucket. */
	public static List<String> keys(AwsClients clients, String bucket, String prefix) {
		List<String> keys = new ArrayList<>();
		clients.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> keys.add(o.key()));
		return keys;
	}

	static ActualRole role(AwsClients clients, String name) {
		Role role;
		try {
			role = clients.iam().getRole(b -> b.roleName(name)).role();
		}
		catch (NoSuchEntityException ex) {
			return null;
		}
		Map<String, String> inline = new LinkedHashMap<>();
		for (String policy : clients.iam().listRolePolicies(b -> b.roleName(name)).policyNames()) {
			if (ResourceNames.POLICY_NAME.equals(policy)) {
				String document = clients.iam().getRolePolicy(b -> b.roleName(name).policyName(policy)).policyDocument();
				inline.put(policy, decode(document));
			}
			else {
				inline.put(policy, null);
			}
		}
		List<String> attached = new ArrayList<>();
		for (AttachedPolicy policy : clients.iam().listAttachedRolePolicies(b -> b.roleName(name)).attachedPolicies()) {
			attached.add(policy.policyArn());
		}
		Map<String, String> tags = new LinkedHashMap<>();
		role.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
		return new ActualRole(name, role.arn(), decode(role.assumeRolePolicyDocument()), inline, attached, tags);
	}

	private static String decode(String document) {
		if (document == null) {
			return null;
		}
		return document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
	}

	static boolean bucketExists(AwsClients clients, String bucket) {
		try {
			clients.s3().headBucket(b -> b.bucket(bucket));
			return true;
		}
		catch (NoSuchBucketException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	static boolean objectExists(AwsClients clients, String bucket, String key) {
		try {
			clients.s3().headObject(b -> b.bucket(bucket).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	public static ActualFunction function(AwsClients clients, String name) {
		GetFunctionResponse response;
		try {
			response = clients.lambda().getFunction(b -> b.functionName(name));
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
		FunctionConfiguration c = response.configuration();
		Integer reserved = (response.concurrency() != null) ? response.concurrency().reservedConcurrentExecutions() : null;
		FunctionSpec spec = spec(c, reserved).withProvisionedConcurrency(provisionedConcurrency(clients, name));
		return new ActualFunction(spec, c.codeSha256(), c.role(),
				response.tags() != null ? response.tags() : Map.of(), c.runtimeVersionConfig());
	}

	/**
	 * Provisioned concurrency requested on the live alias, 0 when none (or no alias yet). An emulator
	 * without the provisioned-concurrency API (moto answers 404 without an error code) reads as none.
	 */
	static int provisionedConcurrency(AwsClients clients, String function) {
		try {
			Integer requested = clients.lambda()
				.getProvisionedConcurrencyConfig(b -> b.functionName(function).qualifier(ResourceNames.ALIAS))
				.requestedProvisionedConcurrentExecutions();
			return (requested != null) ? requested : 0;
		}
		catch (LambdaException ex) {
			if (ex.statusCode() == 404) {
				return 0;
			}
			throw ex;
		}
	}

	/** A function configuration in the terms of {@link FunctionSpec}. */
	public static FunctionSpec spec(FunctionConfiguration c, Integer reserved) {
		Map<String, String> environment = (c.environment() != null && c.environment().variables() != null)
				? new LinkedHashMap<>(c.environment().variables()) : new LinkedHashMap<>();
		List<String> layers = new ArrayList<>();
		for (Layer layer : c.layers()) {
			layers.add(layer.arn());
		}
		String architecture = c.architecturesAsStrings().isEmpty() ? "x86_64" : c.architecturesAsStrings().get(0);
		List<String> subnets = (c.vpcConfig() != null) ? c.vpcConfig().subnetIds() : List.of();
		List<String> groups = (c.vpcConfig() != null) ? c.vpcConfig().securityGroupIds() : List.of();
		boolean snapStart = c.snapStart() != null && "PublishedVersions".equals(c.snapStart().applyOnAsString());
		return new FunctionSpec(c.functionName(), c.description() != null ? c.description() : "", c.runtimeAsString(),
				c.handler(), architecture, c.memorySize() != null ? c.memorySize() : 128,
				c.timeout() != null ? c.timeout() : 3,
				(c.ephemeralStorage() != null && c.ephemeralStorage().size() != null) ? c.ephemeralStorage().size() : 512,
				environment, layers, (c.tracingConfig() != null && c.tracingConfig().modeAsString() != null)
						? c.tracingConfig().modeAsString() : "PassThrough",
				emptyToNull(c.kmsKeyArn()),
				(c.deadLetterConfig() != null) ? emptyToNull(c.deadLetterConfig().targetArn()) : null, subnets, groups,
				snapStart, reserved, 0, c.fileSystemConfigs()
					.stream()
					.map(f -> new FileSystemSpec(f.arn(), f.localMountPath()))
					.toList());
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	public static List<ActualVersion> versions(AwsClients clients, String name) {
		List<ActualVersion> versions = new ArrayList<>();
		for (FunctionConfiguration version : clients.lambda()
			.listVersionsByFunctionPaginator(b -> b.functionName(name))
			.versions()) {
			if (!"$LATEST".equals(version.version())) {
				versions.add(new ActualVersion(version.version(), version.description(), version.codeSha256()));
			}
		}
		versions.sort(java.util.Comparator.comparingInt(ActualVersion::number));
		return versions;
	}

	public static Map<String, String> aliases(AwsClients clients, String name) {
		Map<String, String> aliases = new LinkedHashMap<>();
		for (AliasConfiguration alias : clients.lambda().listAliasesPaginator(b -> b.functionName(name)).aliases()) {
			aliases.put(alias.name(), alias.functionVersion());
		}
		return aliases;
	}

	static ActualLogGroup logGroup(AwsClients clients, String name) {
		return clients.logs()
			.describeLogGroups(b -> b.logGroupNamePrefix(name))
			.logGroups()
			.stream()
			.filter(group -> name.equals(group.logGroupName()))
			.findFirst()
			.map(group -> new ActualLogGroup(name, group.retentionInDays()))
			.orElse(null);
	}

	public static Map<String, String> permissions(AwsClients clients, String function) {
		String policy;
		try {
			policy = clients.lambda().getPolicy(b -> b.functionName(function).qualifier(ResourceNames.ALIAS)).policy();
		}
		catch (ResourceNotFoundException ex) {
			return Map.of();
		}
		Map<String, String> statements = new HashMap<>();
		for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
			statements.put(statement.path("Sid").asString(""), statement.toString());
		}
		return statements;
	}

	static boolean scheduleGroupExists(AwsClients clients, String function) {
		try {
			clients.scheduler().getScheduleGroup(b -> b.name(ResourceNames.scheduleGroup(function)));
			return true;
		}
		catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
			return false;
		}
	}

	public static Map<String, ActualSchedule> schedules(AwsClients clients, String function) {
		String group = ResourceNames.scheduleGroup(function);
		Map<String, ActualSchedule> schedules = new LinkedHashMap<>();
		try {
			for (ScheduleSummary summary : clients.scheduler().listSchedulesPaginator(b -> b.groupName(group)).schedules()) {
				GetScheduleResponse schedule = clients.scheduler()
					.getSchedule(b -> b.name(summary.name()).groupName(group));
				schedules.put(schedule.name(),
						new ActualSchedule(schedule.name(), schedule.scheduleExpression(),
								schedule.scheduleExpressionTimezone(), schedule.state() != ScheduleState.DISABLED,
								schedule.target() != null ? schedule.target().arn() : null,
								schedule.target() != null ? schedule.target().roleArn() : null,
								schedule.target() != null ? schedule.target().input() : null));
			}
		}
		catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
			return Map.of();
		}
		return schedules;
	}

}
