package io.serverlessspring.shell.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.Names;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;
import software.amazon.awssdk.services.sns.model.Subscription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what is wired to a function's live alias, and resolves source names AWS must look up. */
public final class EventSourceReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EventSourceReader() {
	}

	/** DynamoDB table names become their stream ARN (the table must have a stream). */
	public static List<EventSourceSpec> resolve(AwsClients clients, List<EventSourceSpec> specs) {
		List<EventSourceSpec> resolved = new ArrayList<>();
		for (EventSourceSpec spec : specs) {
			if ("dynamodb".equals(spec.type()) && !spec.source().contains("/stream/")) {
				String table = spec.source().startsWith("arn:") ? spec.source().substring(spec.source().lastIndexOf('/') + 1)
						: spec.source();
				String stream = clients.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
				if (stream == null) {
					throw new IllegalStateException("DynamoDB table " + table + " (event handler " + spec.id()
							+ ") has no stream: enable a stream on it (NEW_AND_OLD_IMAGES) or give the stream ARN as the source.");
				}
				resolved.add(spec.withSource(stream));
			}
			else {
				resolved.add(spec);
			}
		}
		return resolved;
	}

	public static ActualEventSources read(AwsClients clients, String function, String aliasArn,
			List<EventSourceSpec> desired) {
		Map<String, ActualEventSources.Mapping> mappings = new LinkedHashMap<>();
		try {
			for (EventSourceMappingConfiguration mapping : clients.lambda()
				.listEventSourceMappingsPaginator(b -> b.functionName(aliasArn))
				.eventSourceMappings()) {
				if (mapping.functionArn() != null && !mapping.functionArn().endsWith(":" + Names.ALIAS)) {
					continue;
				}
				List<String> filters = new ArrayList<>();
				if (mapping.filterCriteria() != null) {
					mapping.filterCriteria().filters().forEach(filter -> filters.add(filter.pattern()));
				}
				String state = String.valueOf(mapping.state());
				mappings.put(mapping.eventSourceArn(), new ActualEventSources.Mapping(mapping.uuid(), mapping.eventSourceArn(),
						mapping.batchSize(), mapping.maximumBatchingWindowInSeconds() == null ? 0
								: mapping.maximumBatchingWindowInSeconds(),
						!(state.equals("Disabled") || state.equals("Disabling")),
						mapping.functionResponseTypes().contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES), filters));
			}
		}
		catch (ResourceNotFoundException ex) {
			// no function or alias yet: nothing wired
		}
		Set<String> topics = new LinkedHashSet<>();
		Map<String, Set<String>> notifications = new LinkedHashMap<>();
		for (EventSourceSpec spec : desired) {
			if ("sns".equals(spec.type())) {
				try {
					for (Subscription subscription : clients.sns()
						.listSubscriptionsByTopicPaginator(b -> b.topicArn(spec.source()))
						.subscriptions()) {
						if (aliasArn.equals(subscription.endpoint())) {
							topics.add(spec.source());
						}
					}
				}
				catch (software.amazon.awssdk.services.sns.model.NotFoundException ex) {
					throw new IllegalStateException("SNS topic " + spec.source() + " (event handler " + spec.id()
							+ ") does not exist: create it, or change the handler's topic.");
				}
			}
			if ("s3".equals(spec.type())) {
				Set<String> ours = new HashSet<>();
				for (LambdaFunctionConfiguration configuration : clients.s3()
					.getBucketNotificationConfiguration(b -> b.bucket(spec.source()))
					.lambdaFunctionConfigurations()) {
					if (aliasArn.equals(configuration.lambdaFunctionArn()) && configuration.id() != null) {
						ours.add(configuration.id());
					}
				}
				notifications.put(spec.source(), ours);
			}
		}
		Set<String> permissions = new LinkedHashSet<>();
		try {
			String policy = clients.lambda().getPolicy(b -> b.functionName(function).qualifier(Names.ALIAS)).policy();
			for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
				permissions.add(statement.path("Sid").asString(""));
			}
		}
		catch (ResourceNotFoundException ex) {
			// no resource policy yet
		}
		return new ActualEventSources(mappings, topics, notifications, permissions);
	}

}
