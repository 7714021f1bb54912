package io.serverlessspring.shell.apply;

import java.util.List;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.Names;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The task resources: response table, task topic (with the alias subscribed), task queue. */
public final class TaskActions {

	/** The attribute the starter writes each captured response's expiry to (epoch seconds). */
	static final String EXPIRY_ATTRIBUTE = "expiresAt";

	private TaskActions() {
	}

	public static void createTable(ApplyContext ctx) {
		String table = ctx.desired().tasks().table();
		List<Tag> tags = ctx.desired().tags().entrySet().stream()
			.map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
			.toList();
		try {
			ctx.clients().dynamoDb().createTable(b -> b.tableName(table)
				.billingMode(BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions(AttributeDefinition.builder().attributeName("taskId").attributeType(ScalarAttributeType.S).build())
				.keySchema(KeySchemaElement.builder().attributeName("taskId").keyType(KeyType.HASH).build())
				.tags(tags));
		}
		catch (ResourceInUseException ex) {
			// created by an earlier, interrupted deploy
		}
		ctx.clients().dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
		enableExpiry(ctx);
	}

	/**
	 * Turns the table's time to live on for {@code expiresAt} unless it already is: AWS rejects a
	 * second UpdateTimeToLive with "TimeToLive is already enabled".
	 */
	public static void enableExpiry(ApplyContext ctx) {
		String table = ctx.desired().tasks().table();
		DynamoDbClient dynamo = ctx.clients().dynamoDb();
		if (expiryOn(dynamo, table)) {
			return;
		}
		TimeToLiveDescription current = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
		if (current != null && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
				|| current.timeToLiveStatus() == TimeToLiveStatus.ENABLING)) {
			ctx.progress("  task table " + table + " expires items by '" + current.attributeName()
					+ "', not 'expiresAt': left as is (turn its TTL off to let deploy set it)");
			return;
		}
		dynamo.updateTimeToLive(b -> b.tableName(table)
			.timeToLiveSpecification(t -> t.attributeName(EXPIRY_ATTRIBUTE).enabled(true)));
	}

	/** Whether the table's time to live is on (or turning on) for {@code expiresAt}. */
	public static boolean expiryOn(DynamoDbClient dynamo, String table) {
		TimeToLiveDescription ttl = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
		return ttl != null && EXPIRY_ATTRIBUTE.equals(ttl.attributeName())
				&& (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
	}

	public static void createTopic(ApplyContext ctx) {
		// CreateTopic is idempotent for the same name and attributes.
		ctx.clients().sns().createTopic(b -> b.name(ctx.desired().tasks().topic())
			.tags(ctx.desired().tags().entrySet().stream()
				.map(e -> software.amazon.awssdk.services.sns.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
				.toList()));
	}

	public static void subscribeAlias(ApplyContext ctx) {
		DesiredStage desired = ctx.desired();
		HttpActions.removePermission(ctx, Names.TASK_TOPIC_PERMISSION);
		ctx.clients().lambda().addPermission(b -> b.functionName(desired.functionName())
			.qualifier(Names.ALIAS)
			.statementId(Names.TASK_TOPIC_PERMISSION)
			.action("lambda:InvokeFunction")
			.principal("sns.amazonaws.com")
			.sourceArn(desired.topicArn()));
		ctx.clients().sns().subscribe(b -> b.topicArn(desired.topicArn()).protocol("lambda").endpoint(desired.aliasArn()));
	}

	public static void createQueue(ApplyContext ctx) {
		// CreateQueue is idempotent for the same name and attributes.
		ctx.clients().sqs().createQueue(b -> b.queueName(ctx.desired().tasks().queue()).tags(ctx.desired().tags()));
	}

}
