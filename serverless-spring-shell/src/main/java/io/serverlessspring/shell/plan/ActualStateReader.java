package io.serverlessspring.shell.plan;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.apply.HttpActions;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.plan.ActualStage.ActualFunction;
import io.serverlessspring.shell.plan.ActualStage.ActualFunctionUrl;
import io.serverlessspring.shell.plan.ActualStage.ActualHttpApi;
import io.serverlessspring.shell.plan.ActualStage.ActualLogGroup;
import io.serverlessspring.shell.plan.ActualStage.ActualRestApi;
import io.serverlessspring.shell.plan.ActualStage.ActualRole;
import io.serverlessspring.shell.plan.ActualStage.ActualSchedule;
import io.serverlessspring.shell.plan.ActualStage.ActualVersion;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;
import software.amazon.awssdk.services.apigatewayv2.model.Stage;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
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
		ActualRole role = (names.role() != null) ? role(clients, names.role()) : null;
		ActualRole schedulerRole = role(clients, names.schedulerRole());
		boolean bucket = bucketExists(clients, names.bucket());
		boolean code = bucket && names.codeKey() != null && objectExists(clients, names.bucket(), names.codeKey());
		ActualFunction function = function(clients, names.function());
		List<ActualVersion> versions = (function != null) ? versions(clients, names.function()) : List.of();
		Map<String, String> aliases = (function != null) ? aliases(clients, names.function()) : Map.of();
		boolean live = aliases.containsKey(Names.ALIAS);
		return new ActualStage(role, schedulerRole, bucket, code, function, versions, aliases,
				logGroup(clients, Names.logGroup(names.function())), httpApi(clients, names.function()),
				restApi(clients, names.function()), live ? functionUrl(clients, names.function()) : null,
				live ? permissions(clients, names.function()) : Map.of(), scheduleGroupExists(clients, names.function()),
				schedules(clients, names.function()), live ? mappings(clients, names.function()) : Map.of(),
				missingSources(clients, names.sourceArns()), tasks(clients, names.tasks(), names.function()));
	}

	/** Which of the named task resources exist, and whether the live alias is subscribed to the topic. */
	public static ActualStage.ActualTasks tasks(AwsClients clients,
			io.serverlessspring.shell.model.TaskResourcesSpec tasks, String function) {
		if (tasks == null || tasks.isEmpty()) {
			return ActualStage.ActualTasks.NONE;
		}
		boolean table = false;
		boolean tableExpiry = false;
		if (tasks.table() != null) {
			try {
				clients.dynamoDb().describeTable(b -> b.tableName(tasks.table()));
				table = true;
				tableExpiry = io.serverlessspring.shell.apply.TaskActions.expiryOn(clients.dynamoDb(), tasks.table());
			}
			catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException ex) {
				table = false;
			}
		}
		boolean topic = false;
		boolean subscribed = false;
		if (tasks.topic() != null) {
			String arn = "arn:aws:sns:" + clients.region() + ":" + clients.accountId() + ":" + tasks.topic();
			try {
				clients.sns().getTopicAttributes(b -> b.topicArn(arn));
				topic = true;
				String alias = Names.aliasArn(clients.region(), clients.accountId(), function);
				subscribed = clients.sns()
					.listSubscriptionsByTopicPaginator(b -> b.topicArn(arn))
					.subscriptions()
					.stream()
					.anyMatch(subscription -> alias.equals(subscription.endpoint()));
			}
			catch (software.amazon.awssdk.services.sns.model.NotFoundException ex) {
				topic = false;
			}
		}
		boolean queue = false;
		if (tasks.queue() != null) {
			try {
				clients.sqs().getQueueUrl(b -> b.queueName(tasks.queue()));
				queue = true;
			}
			catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException ex) {
				queue = false;
			}
		}
		return new ActualStage.ActualTasks(table, topic, subscribed, queue, tableExpiry);
	}

	/** Event source mappings invoking the live alias, by source ARN. */
	public static Map<String, ActualStage.ActualMapping> mappings(AwsClients clients, String function) {
		Map<String, ActualStage.ActualMapping> mappings = new LinkedHashMap<>();
		for (var mapping : clients.lambda()
			// The alias ARN: what both AWS and emulators match mappings on.
			.listEventSourceMappingsPaginator(
					b -> b.functionName(Names.aliasArn(clients.region(), clients.accountId(), function)))
			.eventSourceMappings()) {
			String state = String.valueOf(mapping.state());
			mappings.put(mapping.eventSourceArn(), new ActualStage.ActualMapping(mapping.uuid(), mapping.eventSourceArn(),
					mapping.batchSize(), mapping.maximumBatchingWindowInSeconds(),
					mapping.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"),
					!(state.startsWith("Disabl")), mapping.startingPositionAsString(),
					(mapping.filterCriteria() == null || mapping.filterCriteria().filters() == null) ? List.of()
							: mapping.filterCriteria().filters().stream().map(f -> f.pattern()).toList()));
		}
		return mappings;
	}

	private static java.util.Set<String> missingSources(AwsClients clients, List<String> arns) {
		java.util.Set<String> missing = new java.util.LinkedHashSet<>();
		for (String arn : (arns != null) ? arns : List.<String>of()) {
			if (!arn.startsWith("arn:aws:sqs:")) {
				continue;
			}
			String[] parts = arn.split(":");
			try {
				clients.sqs().getQueueUrl(b -> b.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]));
			}
			catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException ex) {
				missing.add(arn);
			}
		}
		return missing;
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
			if (Names.POLICY_NAME.equals(policy)) {
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
		return new ActualFunction(spec(c, reserved), c.codeSha256(), c.role(),
				response.tags() != null ? response.tags() : Map.of());
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
				snapStart, reserved, 0);
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

	/** The HTTP API named after the function and tagged as ours; never an untagged namesake. */
	public static ActualHttpApi httpApi(AwsClients clients, String function) {
		ApiGatewayV2Client client = clients.apiGatewayV2();
		String token = null;
		do {
			String next = token;
			GetApisResponse page = client.getApis(b -> b.nextToken(next));
			for (Api api : page.items()) {
				if (Names.api(function).equals(api.name()) && ours(api.tags(), function)) {
					Map<String, String> routes = new LinkedHashMap<>();
					for (Route route : client.getRoutes(b -> b.apiId(api.apiId())).items()) {
						routes.put(route.routeKey(), route.target());
					}
					Set<String> stages = new LinkedHashSet<>();
					for (Stage stage : client.getStages(b -> b.apiId(api.apiId())).items()) {
						stages.add(stage.stageName());
					}
					return new ActualHttpApi(api.apiId(), api.apiEndpoint(), api.tags(),
							HttpActions.integrations(client, api.apiId()), routes, stages);
				}
			}
			token = page.nextToken();
		}
		while (token != null && !token.isEmpty());
		return null;
	}

	public static ActualRestApi restApi(AwsClients clients, String function) {
		List<RestApi> apis;
		try {
			apis = clients.apiGateway().getRestApis(b -> b.limit(500)).items();
		}
		catch (software.amazon.awssdk.awscore.exception.AwsServiceException ex) {
			if (clients.target().emulated() && ex.awsErrorDetails() != null
					&& String.valueOf(ex.awsErrorDetails().errorCode()).startsWith("UnknownService")) {
				// An emulator without API Gateway v1: no REST API can exist there.
				return null;
			}
			throw ex;
		}
		for (RestApi api : apis) {
			if (Names.api(function).equals(api.name()) && ours(api.tags(), function)) {
				return new ActualRestApi(api.id(), api.tags());
			}
		}
		return null;
	}

	private static boolean ours(Map<String, String> tags, String function) {
		return tags != null && Names.MANAGED_BY.equals(tags.get(Names.TAG_MANAGED_BY))
				&& function.equals(tags.get(Names.TAG_FUNCTION));
	}

	public static ActualFunctionUrl functionUrl(AwsClients clients, String function) {
		try {
			var url = clients.lambda().getFunctionUrlConfig(b -> b.functionName(function).qualifier(Names.ALIAS));
			return new ActualFunctionUrl(url.functionUrl(), url.authTypeAsString());
		}
		catch (ResourceNotFoundException ex) {
			return null;
		}
	}

	public static Map<String, String> permissions(AwsClients clients, String function) {
		String policy;
		try {
			policy = clients.lambda().getPolicy(b -> b.functionName(function).qualifier(Names.ALIAS)).policy();
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
			clients.scheduler().getScheduleGroup(b -> b.name(Names.scheduleGroup(function)));
			return true;
		}
		catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
			return false;
		}
	}

	public static Map<String, ActualSchedule> schedules(AwsClients clients, String function) {
		String group = Names.scheduleGroup(function);
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
