package io.serverlessspring.shell.state;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.model.FunctionSpec;

/**
 * What exists in AWS for one stage, found by name and tags. {@code null} means "does not exist".
 *
 * @param role the managed execution role
 * @param schedulerRole the role Scheduler assumes
 * @param bucketExists whether the package bucket exists
 * @param codeUploaded whether the package's key is already in the bucket
 * @param function the function
 * @param versions published versions, oldest first
 * @param aliases alias name to version
 * @param logGroup the log group
 * @param httpApi the HTTP API (API Gateway v2) named after the function and tagged as ours
 * @param restApi the REST API (API Gateway v1) named after the function and tagged as ours
 * @param functionUrl the live alias's function URL
 * @param permissions statement id to statement JSON, from the live alias's resource policy
 * @param scheduleGroupExists whether the stage's schedule group exists
 * @param schedules schedules in that group by name
 * @param mappings event source mappings on the live alias, by source ARN
 * @param missingSources source ARNs the desired state names that do not exist
 * @param tasks which task resources exist
 * @param events SNS subscriptions, S3 notifications and DynamoDB streams of the desired sources
 * @param security what guards the fronts (CORS, authorizers, throttling, access log, REST settings, keys)
 * @param packages the stage's package keys in the bucket (read for undeploy)
 * @param eventQueues the handler queues deploy created that exist (read for undeploy)
 * @param webSocketApi the WebSocket API named after the function and tagged as ours
 * @param alb the load balancer front's resources
 * @param layers the versions of the dependency layer and which functions use them
 */
public record ActualStage(ActualRole role, ActualRole schedulerRole, boolean bucketExists, boolean codeUploaded,
		ActualFunction function, List<ActualVersion> versions, Map<String, String> aliases, ActualLogGroup logGroup,
		ActualHttpApi httpApi, ActualRestApi restApi, ActualFunctionUrl functionUrl, Map<String, String> permissions,
		boolean scheduleGroupExists, Map<String, ActualSchedule> schedules, Map<String, ActualMapping> mappings,
		Set<String> missingSources, ActualTasks tasks, ActualEvents events, ActualHttpSecurity security,
		List<String> packages, List<String> eventQueues, ActualWebSocketApi webSocketApi, ActualAlb alb,
		ActualLayers layers) {

	/** Without a WebSocket API, a load balancer front and the dependency layer's versions. */
	public ActualStage(ActualRole role, ActualRole schedulerRole, boolean bucketExists, boolean codeUploaded,
			ActualFunction function, List<ActualVersion> versions, Map<String, String> aliases, ActualLogGroup logGroup,
			ActualHttpApi httpApi, ActualRestApi restApi, ActualFunctionUrl functionUrl, Map<String, String> permissions,
			boolean scheduleGroupExists, Map<String, ActualSchedule> schedules, Map<String, ActualMapping> mappings,
			Set<String> missingSources, ActualTasks tasks, ActualEvents events, ActualHttpSecurity security,
			List<String> packages, List<String> eventQueues) {
		this(role, schedulerRole, bucketExists, codeUploaded, function, versions, aliases, logGroup, httpApi, restApi,
				functionUrl, permissions, scheduleGroupExists, schedules, mappings, missingSources, tasks, events, security,
				packages, eventQueues, null, ActualAlb.NONE, ActualLayers.NONE);
	}

	/** Without what only deploy's later checks and undeploy read. */
	public ActualStage(ActualRole role, ActualRole schedulerRole, boolean bucketExists, boolean codeUploaded,
			ActualFunction function, List<ActualVersion> versions, Map<String, String> aliases, ActualLogGroup logGroup,
			ActualHttpApi httpApi, ActualRestApi restApi, ActualFunctionUrl functionUrl, Map<String, String> permissions,
			boolean scheduleGroupExists, Map<String, ActualSchedule> schedules, Map<String, ActualMapping> mappings,
			Set<String> missingSources, ActualTasks tasks) {
		this(role, schedulerRole, bucketExists, codeUploaded, function, versions, aliases, logGroup, httpApi, restApi,
				functionUrl, permissions, scheduleGroupExists, schedules, mappings, missingSources, tasks,
				ActualEvents.NONE, ActualHttpSecurity.NONE, List.of(), List.of(), null, ActualAlb.NONE, ActualLayers.NONE);
	}

	/** Nothing exists: the state before a first deploy. */
	public static ActualStage empty() {
		return new ActualStage(null, null, false, false, null, List.of(), Map.of(), null, null, null, null, Map.of(),
				false, Map.of(), Map.of(), Set.of(), ActualTasks.NONE);
	}

	/**
	 * Pushing sources and streams.
	 *
	 * @param subscriptions topic ARN to the ARN of its subscription to the live alias
	 * @param notifications bucket ARN to the ids of its notifications invoking the live alias
	 * @param streams DynamoDB table ARN to its latest stream ARN (tables without a stream are absent)
	 * @param rules EventBridge rules (on any bus) whose target is the live alias, by rule ARN
	 * @param streamlessTables desired DynamoDB tables (by table ARN) that exist but have no stream
	 * @param triggers log subscriptions and Cognito triggers invoking the live alias
	 */
	public record ActualEvents(Map<String, String> subscriptions, Map<String, Set<String>> notifications,
			Map<String, String> streams, Map<String, ActualRule> rules, Set<String> streamlessTables,
			ActualEventTriggers triggers) {

		public static final ActualEvents NONE = new ActualEvents(Map.of(), Map.of(), Map.of(), Map.of());

		/** Without streamless tables, log subscriptions and Cognito triggers. */
		public ActualEvents(Map<String, String> subscriptions, Map<String, Set<String>> notifications,
				Map<String, String> streams, Map<String, ActualRule> rules) {
			this(subscriptions, notifications, streams, rules, Set.of());
		}

		/** Without log subscriptions and Cognito triggers. */
		public ActualEvents(Map<String, String> subscriptions, Map<String, Set<String>> notifications,
				Map<String, String> streams, Map<String, ActualRule> rules, Set<String> streamlessTables) {
			this(subscriptions, notifications, streams, rules, streamlessTables, ActualEventTriggers.NONE);
		}

		/** The same, with these log subscriptions and Cognito triggers. */
		public ActualEvents withTriggers(ActualEventTriggers found) {
			return new ActualEvents(this.subscriptions, this.notifications, this.streams, this.rules,
					this.streamlessTables, found);
		}

		public ActualEvents(Map<String, String> subscriptions, Map<String, Set<String>> notifications,
				Map<String, String> streams) {
			this(subscriptions, notifications, streams, Map.of());
		}

	}

	/**
	 * An EventBridge rule invoking the live alias.
	 *
	 * @param name the rule's name
	 * @param bus the name of its event bus
	 * @param pattern its event pattern (JSON text)
	 * @param enabled whether it is enabled
	 * @param deadLetterArn the SQS queue its target sends undeliverable events to, or {@code null}
	 */
	public record ActualRule(String name, String bus, String pattern, boolean enabled, String deadLetterArn) {
	}

	public record ActualRole(String name, String arn, String trustDocument, Map<String, String> inlinePolicies,
			List<String> attachedPolicies, Map<String, String> tags) {
	}

	/**
	 * A deployed function.
	 *
	 * @param runtimeVersion Lambda's runtime version of it (on the local cloud: the JDK it runs on), or {@code null}
	 */
	public record ActualFunction(FunctionSpec configuration, String codeSha256, String roleArn,
			Map<String, String> tags, software.amazon.awssdk.services.lambda.model.RuntimeVersionConfig runtimeVersion) {

		public ActualFunction(FunctionSpec configuration, String codeSha256, String roleArn, Map<String, String> tags) {
			this(configuration, codeSha256, roleArn, tags, null);
		}

	}

	public record ActualVersion(String version, String description, String codeSha256) {

		public int number() {
			return Integer.parseInt(this.version);
		}

	}

	public record ActualLogGroup(String name, Integer retentionDays) {
	}

	public record ActualHttpApi(String id, String endpoint, Map<String, String> tags, Map<String, String> integrations,
			Map<String, String> routes, Set<String> stages) {
	}

	public record ActualRestApi(String id, Map<String, String> tags) {
	}

	/** {@code cors} {@code null}: none. */
	public record ActualFunctionUrl(String url, String authType,
			io.serverlessspring.shell.model.HttpSecuritySpec.Cors cors) {

		public ActualFunctionUrl(String url, String authType) {
			this(url, authType, null);
		}

	}

	/**
	 * Which task resources exist (only those the desired state names are looked up);
	 * {@code tableExpiry}: the table's time to live is on (enabled or enabling) for {@code expiresAt}.
	 */
	public record ActualTasks(boolean table, boolean topic, boolean subscribed, boolean queue, boolean tableExpiry) {

		public static final ActualTasks NONE = new ActualTasks(false, false, false, false, false);

		public static final ActualTasks ALL = new ActualTasks(true, true, true, true, true);

		public ActualTasks(boolean table, boolean topic, boolean subscribed, boolean queue) {
			this(table, topic, subscribed, queue, table);
		}

	}

	/** {@code filters}: the mapping's filter patterns as Lambda returns them (JSON text). */
	public record ActualMapping(String uuid, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
			boolean reportBatchItemFailures, boolean enabled, String startingPosition, List<String> filters) {

		public ActualMapping(String uuid, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
				boolean reportBatchItemFailures, boolean enabled) {
			this(uuid, sourceArn, batchSize, batchWindowSeconds, reportBatchItemFailures, enabled, null, List.of());
		}

	}

	public record ActualSchedule(String name, String expression, String timezone, boolean enabled, String targetArn,
			String roleArn, String input) {
	}

}
