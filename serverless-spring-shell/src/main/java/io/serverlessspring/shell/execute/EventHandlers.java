package io.serverlessspring.shell.execute;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.EventChanges;
import io.serverlessspring.shell.state.EventStateReader;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.GetBucketNotificationConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/** Every event source (one pipeline for mappings, subscriptions and notifications) and the task resources. */
final class EventHandlers {

	private EventHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(EventChanges.EventSource.class, EventHandlers::eventSource);
		registry.on(EventChanges.TaskTable.class, EventHandlers::table);
		registry.on(EventChanges.Topic.class, (change, ctx) -> {
			if (change.action() == Action.DELETE) {
				ctx.clients().sns().deleteTopic(b -> b.topicArn(change.arn()));
				return;
			}
			// CreateTopic is idempotent for the same name and attributes.
			ctx.clients().sns().createTopic(b -> b.name(change.name()).tags(change.tags().entrySet().stream()
				.map(e -> software.amazon.awssdk.services.sns.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
				.toList()));
		});
		registry.on(EventChanges.Queue.class, (change, ctx) -> {
			var sqs = ctx.clients().sqs();
			if (change.action() == Action.DELETE) {
				try {
					sqs.deleteQueue(b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName(change.name())).queueUrl()));
				}
				catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException ex) {
					// already gone
				}
				return;
			}
			// CreateQueue is idempotent for the same name and attributes.
			sqs.createQueue(b -> b.queueName(change.name()).tags(change.tags()));
		});
	}

	private static void eventSource(EventChanges.EventSource change, ExecutionContext ctx) {
		EventSourceSpec source = change.source();
		switch (source.type()) {
			case "sns" -> {
				if (change.action() == Action.DELETE) {
					ctx.clients().sns().unsubscribe(b -> b.subscriptionArn(change.subscriptionArn()));
				}
				else {
					ctx.clients().sns().subscribe(b -> b.topicArn(source.sourceArn()).protocol("lambda").endpoint(change.aliasArn()));
				}
			}
			case "s3" -> notifyBucket(ctx, change);
			default -> mapping(ctx, change);
		}
	}

	private static void mapping(ExecutionContext ctx, EventChanges.EventSource change) {
		var lambda = ctx.clients().lambda();
		EventSourceSpec source = change.source();
		if (change.action() == Action.DELETE || change.action() == Action.REPLACE) {
			try {
				lambda.deleteEventSourceMapping(b -> b.uuid(change.uuid()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			if (change.action() == Action.DELETE) {
				return;
			}
		}
		FilterCriteria filter = (source.filter() == null) ? null
				: FilterCriteria.builder().filters(f -> f.pattern(source.filter())).build();
		if (change.action() == Action.UPDATE) {
			lambda.updateEventSourceMapping(b -> b.uuid(change.uuid()).functionName(change.aliasArn())
				.enabled(source.enabled()).batchSize(source.batchSize())
				.maximumBatchingWindowInSeconds(source.batchWindowSeconds())
				.filterCriteria(filter != null ? filter : FilterCriteria.builder().filters(List.of()).build())
				.functionResponseTypesWithStrings(source.reportBatchItemFailures()
						? List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES.toString()) : List.of()));
			return;
		}
		// A table whose stream this plan turned on is mapped by its new stream.
		String sourceArn = TableStreamHandlers.mappingSource(ctx, source.sourceArn());
		lambda.createEventSourceMapping(b -> {
			b.functionName(change.aliasArn()).eventSourceArn(sourceArn).enabled(source.enabled())
				.batchSize(source.batchSize())
				.maximumBatchingWindowInSeconds((source.batchWindowSeconds() != null && source.batchWindowSeconds() > 0)
						? source.batchWindowSeconds() : null)
				.filterCriteria(filter);
			if (source.startingPosition() != null) {
				b.startingPosition(EventSourcePosition.fromValue(source.startingPosition()));
			}
			if (source.reportBatchItemFailures()) {
				b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
			}
		});
	}

	/** Puts (or removes) the console's configurations in the bucket's notifications, keeping the others. */
	private static void notifyBucket(ExecutionContext ctx, EventChanges.EventSource change) {
		EventSourceSpec source = change.source();
		String bucket = Arns.resourceName(source.sourceArn());
		GetBucketNotificationConfigurationResponse current = ctx.clients()
			.s3()
			.getBucketNotificationConfiguration(b -> b.bucket(bucket));
		List<LambdaFunctionConfiguration> lambdas = new ArrayList<>();
		for (LambdaFunctionConfiguration configuration : current.lambdaFunctionConfigurations()) {
			boolean ours = (change.action() == Action.DELETE) ? change.aliasArn().equals(configuration.lambdaFunctionArn())
					: source.notificationId().equals(configuration.id());
			if (!ours) {
				lambdas.add(configuration);
			}
		}
		if (change.action() != Action.DELETE) {
			List<FilterRule> rules = new ArrayList<>();
			if (source.prefix() != null) {
				rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(source.prefix()).build());
			}
			if (source.suffix() != null) {
				rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(source.suffix()).build());
			}
			LambdaFunctionConfiguration.Builder ours = LambdaFunctionConfiguration.builder()
				.id(source.notificationId())
				.lambdaFunctionArn(change.aliasArn())
				.events(source.events().stream().map(Event::fromValue).toList());
			if (!rules.isEmpty()) {
				ours.filter(f -> f.key(k -> k.filterRules(rules)));
			}
			lambdas.add(ours.build());
		}
		ctx.clients()
			.s3()
			.putBucketNotificationConfiguration(b -> b.bucket(bucket)
				.notificationConfiguration(n -> n.lambdaFunctionConfigurations(lambdas)
					.queueConfigurations(current.queueConfigurations())
					.topicConfigurations(current.topicConfigurations())
					.eventBridgeConfiguration(current.eventBridgeConfiguration())));
	}

	private static void table(EventChanges.TaskTable change, ExecutionContext ctx) {
		var dynamo = ctx.clients().dynamoDb();
		String table = change.table();
		if (change.action() == Action.DELETE) {
			try {
				dynamo.deleteTable(b -> b.tableName(table));
			}
			catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		if (change.action() == Action.CREATE) {
			try {
				dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
					.attributeDefinitions(AttributeDefinition.builder().attributeName("taskId").attributeType(ScalarAttributeType.S).build())
					.keySchema(KeySchemaElement.builder().attributeName("taskId").keyType(KeyType.HASH).build())
					.tags(change.tags().entrySet().stream()
						.map(e -> software.amazon.awssdk.services.dynamodb.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
						.toList()));
			}
			catch (ResourceInUseException ex) {
				// created by an earlier, interrupted deploy
			}
			ctx.await("table " + table + " to exist", () -> dynamo.waiter().waitUntilTableExists(b -> b.tableName(table)));
		}
		// AWS rejects a second UpdateTimeToLive ("already enabled"): the planner plans this only when it is off.
		var ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
		boolean on = ttl != null && ttl.timeToLiveStatusAsString() != null && ttl.timeToLiveStatusAsString().startsWith("ENABL");
		if (!on) {
			dynamo.updateTimeToLive(b -> b.tableName(table)
				.timeToLiveSpecification(t -> t.attributeName(EventStateReader.EXPIRY_ATTRIBUTE).enabled(true)));
		}
	}

}
