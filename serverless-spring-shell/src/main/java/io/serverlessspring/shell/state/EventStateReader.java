package io.serverlessspring.shell.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.EventTriggerSpecs;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.state.ActualStage.ActualEvents;
import io.serverlessspring.shell.state.ActualStage.ActualMapping;
import io.serverlessspring.shell.state.ActualStage.ActualRule;
import io.serverlessspring.shell.state.ActualStage.ActualTasks;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.sns.model.Subscription;

/** Reads what invokes the live alias from events, and the task resources. Read-only calls. */
public final class EventStateReader {

	/** The attribute the starter writes each captured response's expiry to (epoch seconds). */
	public static final String EXPIRY_ATTRIBUTE = "expiresAt";

	private EventStateReader() {
	}

	/** Event source mappings invoking the live alias, by source ARN. */
	public static Map<String, ActualMapping> mappings(AwsClients clients, String function) {
		Map<String, ActualMapping> mappings = new LinkedHashMap<>();
		String alias = Arns.alias(clients.region(), clients.accountId(), function);
		List<EventSourceMappingConfiguration> found;
		try {
			// The alias ARN: what both AWS and emulators match mappings on.
			found = clients.lambda().listEventSourceMappingsPaginator(b -> b.functionName(alias)).eventSourceMappings().stream().toList();
		}
		catch (ResourceNotFoundException ex) {
			// The function is gone but its mappings may not be (Lambda keeps them): find them among all.
			found = clients.lambda().listEventSourceMappingsPaginator(b -> { }).eventSourceMappings().stream()
				.filter((mapping) -> alias.equals(mapping.functionArn()))
				.toList();
		}
		for (var mapping : found) {
			String state = String.valueOf(mapping.state());
			mappings.put(mapping.eventSourceArn(), new ActualMapping(mapping.uuid(), mapping.eventSourceArn(),
					mapping.batchSize(), mapping.maximumBatchingWindowInSeconds(),
					mapping.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"),
					!(state.startsWith("Disabl")), mapping.startingPositionAsString(),
					(mapping.filterCriteria() == null || mapping.filterCriteria().filters() == null) ? List.of()
							: mapping.filterCriteria().filters().stream().map(f -> f.pattern()).toList()));
		}
		return mappings;
	}

	/** SQS queues among {@code arns} that do not exist. */
	public static Set<String> missingQueues(AwsClients clients, List<String> arns) {
		Set<String> missing = new LinkedHashSet<>();
		for (String arn : arns) {
			if (!"sqs".equals(Arns.service(arn))) {
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

	/**
	 * Subscriptions of the topics and notifications of the buckets (those desired, and those the
	 * alias's resource policy names) to the alias; streams of the desired DynamoDB tables; rules
	 * targeting the alias. A desired topic, table or bus that does not exist is added to {@code missing}.
	 */
	public static ActualEvents events(AwsClients clients, String aliasArn, List<EventSourceSpec> desired,
			Set<String> policyTopics, Set<String> policyBuckets, Set<String> missing) {
		Set<String> topics = new LinkedHashSet<>(policyTopics);
		Set<String> buckets = new LinkedHashSet<>(policyBuckets);
		Map<String, String> streams = new LinkedHashMap<>();
		Set<String> streamless = new LinkedHashSet<>();
		for (EventSourceSpec source : desired) {
			switch (source.type()) {
				case "sns" -> topics.add(source.sourceArn());
				case "s3" -> buckets.add(source.sourceArn());
				case "dynamodb" -> {
					if (source.needsStream()) {
						String table = Arns.resourceName(source.sourceArn());
						try {
							String stream = clients.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
							if (stream != null) {
								streams.put(source.sourceArn(), stream);
							}
							else {
								streamless.add(source.sourceArn());
							}
						}
						catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException ex) {
							missing.add(source.sourceArn());
						}
					}
				}
				default -> {
				}
			}
		}
		Map<String, String> subscriptions = new LinkedHashMap<>();
		for (String topic : topics) {
			try {
				for (Subscription subscription : clients.sns().listSubscriptionsByTopicPaginator(b -> b.topicArn(topic)).subscriptions()) {
					if (aliasArn.equals(subscription.endpoint())) {
						subscriptions.put(topic, subscription.subscriptionArn());
					}
				}
			}
			catch (software.amazon.awssdk.services.sns.model.NotFoundException ex) {
				missing.add(topic);
			}
		}
		Map<String, Set<String>> notifications = new LinkedHashMap<>();
		for (String bucket : buckets) {
			Set<String> ours = new HashSet<>();
			try {
				for (LambdaFunctionConfiguration configuration : clients.s3()
					.getBucketNotificationConfiguration(b -> b.bucket(Arns.resourceName(bucket)))
					.lambdaFunctionConfigurations()) {
					if (aliasArn.equals(configuration.lambdaFunctionArn()) && configuration.id() != null) {
						ours.add(configuration.id());
					}
				}
				notifications.put(bucket, ours);
			}
			catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException ex) {
				missing.add(bucket);
			}
		}
		return new ActualEvents(subscriptions, notifications, streams, rules(clients, aliasArn, desired, missing),
				streamless);
	}

	/**
	 * The rules on every bus whose target is the alias (rules of buses no longer declared included,
	 * so they are removed); a desired bus that does not exist is added to {@code missing}.
	 */
	static Map<String, ActualRule> rules(AwsClients clients, String aliasArn, List<EventSourceSpec> desired,
			Set<String> missing) {
		EventBridgeClient events = clients.eventBridge();
		// EventBridge has no paginators: each list is read to its last NextToken.
		Set<String> buses = new LinkedHashSet<>();
		String token = null;
		do {
			String page = token;
			var response = events.listEventBuses(b -> b.nextToken(page));
			response.eventBuses().forEach(bus -> buses.add(bus.name()));
			token = response.nextToken();
		}
		while (token != null);
		for (EventSourceSpec source : desired) {
			if ("eventbridge".equals(source.type()) && !buses.contains(Arns.resourceName(source.sourceArn()))) {
				missing.add(source.sourceArn());
			}
			if ("eventbridge".equals(source.type()) && source.deadLetterArn() != null) {
				missing.addAll(missingQueues(clients, List.of(source.deadLetterArn())));
			}
		}
		Map<String, ActualRule> rules = new LinkedHashMap<>();
		for (String bus : buses) {
			List<String> names = new ArrayList<>();
			token = null;
			do {
				String page = token;
				var response = events.listRuleNamesByTarget(b -> b.targetArn(aliasArn).eventBusName(bus).nextToken(page));
				names.addAll(response.ruleNames());
				token = response.nextToken();
			}
			while (token != null);
			for (String name : names) {
				DescribeRuleResponse rule = events.describeRule(b -> b.name(name).eventBusName(bus));
				// A rule has at most 5 targets: one page.
				String deadLetter = events.listTargetsByRule(b -> b.rule(name).eventBusName(bus)).targets().stream()
					.filter(target -> aliasArn.equals(target.arn()) && target.deadLetterConfig() != null)
					.map(target -> target.deadLetterConfig().arn())
					.findFirst()
					.orElse(null);
				rules.put(rule.arn(), new ActualRule(name, bus, rule.eventPattern(), rule.state() != RuleState.DISABLED,
						deadLetter));
			}
		}
		return rules;
	}

	/**
	 * The subscription filters of the log groups and the Lambda triggers of the user pools (those
	 * desired, and those the alias's resource policy names) that invoke the alias; a desired log
	 * group or pool that does not exist is added to {@code missing}.
	 */
	public static ActualEventTriggers triggers(AwsClients clients, String aliasArn, List<EventSourceSpec> desired,
			Set<String> policyLogGroups, Set<String> policyPools, Set<String> missing) {
		Map<String, String> logGroups = new LinkedHashMap<>();
		Map<String, String> pools = new LinkedHashMap<>();
		policyLogGroups.forEach(arn -> logGroups.put(EventTriggerSpecs.logGroupName(arn), null));
		policyPools.forEach(arn -> pools.put(Arns.resourceName(arn), null));
		for (EventSourceSpec source : desired) {
			if ("logs".equals(source.type())) {
				logGroups.put(EventTriggerSpecs.logGroupName(source.sourceArn()), source.sourceArn());
			}
			else if ("cognito".equals(source.type())) {
				pools.put(Arns.resourceName(source.sourceArn()), source.sourceArn());
			}
		}
		Map<String, Map<String, String>> subscriptions = new LinkedHashMap<>();
		logGroups.forEach((group, desiredArn) -> {
			try {
				Map<String, String> ours = new LinkedHashMap<>();
				clients.logs().describeSubscriptionFiltersPaginator(b -> b.logGroupName(group)).subscriptionFilters()
					.forEach(filter -> {
						if (aliasArn.equals(filter.destinationArn())) {
							ours.put(filter.filterName(), (filter.filterPattern() != null) ? filter.filterPattern() : "");
						}
					});
				subscriptions.put(group, ours);
			}
			catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException ex) {
				if (desiredArn != null) {
					missing.add(desiredArn);
				}
			}
		});
		Map<String, Set<String>> poolTriggers = new LinkedHashMap<>();
		Map<String, Map<String, String>> poolOthers = new LinkedHashMap<>();
		pools.forEach((pool, desiredArn) -> {
			try {
				var config = clients.cognito().describeUserPool(b -> b.userPoolId(pool)).userPool().lambdaConfig();
				Set<String> ours = new LinkedHashSet<>();
				Map<String, String> others = new LinkedHashMap<>();
				UserPoolLambdaConfig.triggers(config).forEach((trigger, arn) -> {
					if (aliasArn.equals(arn)) {
						ours.add(trigger);
					}
					else {
						others.put(trigger, arn);
					}
				});
				poolTriggers.put(pool, ours);
				poolOthers.put(pool, others);
			}
			catch (software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException ex) {
				if (desiredArn != null) {
					missing.add(desiredArn);
				}
			}
		});
		return new ActualEventTriggers(subscriptions, poolTriggers, poolOthers);
	}

	/**
	 * The locales' code hooks of the bot aliases (those desired, and those the alias's resource
	 * policy names); a desired bot alias that does not exist is added to {@code missing}.
	 */
	public static Map<String, Map<String, ActualEventTriggers.LocaleHook>> botAliases(AwsClients clients,
			List<EventSourceSpec> desired, Set<String> policyBotAliases, Set<String> missing) {
		Map<String, Boolean> arns = new LinkedHashMap<>();
		policyBotAliases.forEach((arn) -> arns.put(arn, false));
		desired.stream().filter((source) -> "lex".equals(source.type())).forEach((source) -> arns.put(source.sourceArn(), true));
		Map<String, Map<String, ActualEventTriggers.LocaleHook>> found = new LinkedHashMap<>();
		arns.forEach((arn, isDesired) -> {
			String[] ids = EventTriggerSpecs.botAlias(arn).split("/");
			var alias = (ids.length == 2) ? clients.lexBotAliases().describeBotAlias(ids[0], ids[1]) : null;
			if (alias == null) {
				if (isDesired) {
					missing.add(arn);
				}
				return;
			}
			Map<String, ActualEventTriggers.LocaleHook> locales = new LinkedHashMap<>();
			alias.path("botAliasLocaleSettings").properties().forEach((locale) -> {
				var settings = locale.getValue();
				String lambda = settings.path("codeHookSpecification").path("lambdaCodeHook").path("lambdaARN").asString(null);
				locales.put(locale.getKey(), new ActualEventTriggers.LocaleHook(settings.path("enabled").asBoolean(false), lambda));
			});
			found.put(arn, locales);
		});
		return found;
	}

	/** Which of the named task resources exist, and whether the live alias is subscribed to the topic. */
	public static ActualTasks tasks(AwsClients clients, TaskResourcesSpec tasks, String function) {
		if (tasks == null || tasks.isEmpty()) {
			return ActualTasks.NONE;
		}
		boolean table = false;
		boolean tableExpiry = false;
		if (tasks.table() != null) {
			try {
				clients.dynamoDb().describeTable(b -> b.tableName(tasks.table()));
				table = true;
				TimeToLiveDescription ttl = clients.dynamoDb()
					.describeTimeToLive(b -> b.tableName(tasks.table()))
					.timeToLiveDescription();
				tableExpiry = ttl != null && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
						|| ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
			}
			catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException ex) {
				table = false;
			}
		}
		boolean topic = false;
		boolean subscribed = false;
		if (tasks.topic() != null) {
			String arn = Arns.topic(clients.region(), clients.accountId(), tasks.topic());
			try {
				clients.sns().getTopicAttributes(b -> b.topicArn(arn));
				topic = true;
				String alias = Arns.alias(clients.region(), clients.accountId(), function);
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
		return new ActualTasks(table, topic, subscribed, queueExists(clients, tasks.queue()), tableExpiry);
	}

	public static boolean queueExists(AwsClients clients, String queue) {
		if (queue == null) {
			return false;
		}
		try {
			clients.sqs().getQueueUrl(b -> b.queueName(queue));
			return true;
		}
		catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException ex) {
			return false;
		}
	}

}
