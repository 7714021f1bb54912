package io.serverlessspring.local.dynamodb;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DynamoDB over HTTP with the SDK v2 client, driven the way the task-response table is used. */
class DynamoDbServiceTest {

	private static final DynamoDbClient dynamo = SharedCloud.client(DynamoDbClient.builder());

	@BeforeAll
	static void tables() {
		dynamo.createTable((t) -> t.tableName("tasks").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("taskId").keyType(KeyType.HASH))
			.attributeDefinitions((a) -> a.attributeName("taskId").attributeType(ScalarAttributeType.S)));
		dynamo.createTable((t) -> t.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("customer").keyType(KeyType.HASH),
					(k) -> k.attributeName("number").keyType(KeyType.RANGE))
			.attributeDefinitions((a) -> a.attributeName("customer").attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName("number").attributeType(ScalarAttributeType.N)));
		dynamo.waiter().waitUntilTableExists((d) -> d.tableName("tasks"));
		dynamo.waiter().waitUntilTableExists((d) -> d.tableName("orders"));
	}

	@Test
	void tableIsDescribedListedAndRefusedTwice() {
		assertThat(dynamo.describeTable((d) -> d.tableName("tasks")).table()).satisfies((table) -> {
			assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
			assertThat(table.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tasks");
			assertThat(table.keySchema()).singleElement().satisfies((k) -> assertThat(k.attributeName()).isEqualTo("taskId"));
		});
		assertThat(dynamo.listTables().tableNames()).contains("orders", "tasks");
		assertThatThrownBy(() -> dynamo.createTable((t) -> t.tableName("tasks").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("taskId").keyType(KeyType.HASH))
			.attributeDefinitions((a) -> a.attributeName("taskId").attributeType(ScalarAttributeType.S))))
			.isInstanceOf(ResourceInUseException.class);
		assertThatThrownBy(() -> dynamo.describeTable((d) -> d.tableName("no-such-table")))
			.isInstanceOfSatisfying(ResourceNotFoundException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("no-such-table");
			});
	}

	@Test
	void taskMovesPendingRunningSucceededAndStartsOnlyOnce() {
		dynamo.putItem((p) -> p.tableName("tasks").item(Map.of("taskId", s("t-1"), "target", s("report"), "state", s("pending"))));
		assertThat(start("t-1")).as("first start").isTrue();
		assertThat(start("t-1")).as("a redelivered task does not start again").isFalse();
		assertThat(start("t-new")).as("a task nobody announced starts").isTrue();

		dynamo.updateItem((u) -> u.tableName("tasks").key(Map.of("taskId", s("t-1")))
			.updateExpression("SET #state = :state, #value = :value")
			.expressionAttributeNames(Map.of("#state", "state", "#value", "result"))
			.expressionAttributeValues(Map.of(":state", s("succeeded"), ":value", s("{\"ok\":true}"))));
		Map<String, AttributeValue> item = dynamo
			.getItem((g) -> g.tableName("tasks").key(Map.of("taskId", s("t-1"))).consistentRead(true)).item();
		assertThat(item.get("state").s()).isEqualTo("succeeded");
		assertThat(item.get("result").s()).isEqualTo("{\"ok\":true}");
		assertThat(item.get("target").s()).isEqualTo("report");
		assertThat(item.get("expiresAt").n()).isEqualTo("1700000000");
	}

	@Test
	void conditionalPutRefusesADuplicateAndChangesNothing() {
		Map<String, AttributeValue> first = Map.of("taskId", s("dup"), "state", s("succeeded"));
		dynamo.putItem((p) -> p.tableName("tasks").item(first).conditionExpression("attribute_not_exists(taskId)"));
		assertThatThrownBy(() -> dynamo.putItem((p) -> p.tableName("tasks")
			.item(Map.of("taskId", s("dup"), "state", s("failed"))).conditionExpression("attribute_not_exists(taskId)")))
			.isInstanceOfSatisfying(ConditionalCheckFailedException.class,
					(ex) -> assertThat(ex.getMessage()).contains("The conditional request failed"));
		assertThat(dynamo.getItem((g) -> g.tableName("tasks").key(Map.of("taskId", s("dup")))).item().get("state").s())
			.isEqualTo("succeeded");
	}

	@Test
	void expressionMistakesAreValidationErrors() {
		assertThatThrownBy(() -> dynamo.updateItem((u) -> u.tableName("tasks").key(Map.of("taskId", s("x")))
			.updateExpression("SET state = :s").expressionAttributeValues(Map.of(":s", s("running")))))
			.isInstanceOfSatisfying(DynamoDbException.class, (ex) -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
				assertThat(ex.getMessage()).contains("reserved keyword; reserved keyword: state");
			});
		assertThatThrownBy(() -> dynamo.updateItem((u) -> u.tableName("tasks").key(Map.of("taskId", s("x")))
			.updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", s("1"), ":unused", s("2")))))
			.isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("unused in expressions: keys: {:unused}"));
		assertThatThrownBy(() -> dynamo.putItem((p) -> p.tableName("tasks").item(Map.of("other", s("x")))))
			.isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("Missing the key taskId in the item"));
		assertThat(dynamo.getItem((g) -> g.tableName("tasks").key(Map.of("taskId", s("x")))).hasItem())
			.as("nothing was written").isFalse();
	}

	@Test
	void updateReturnsNewValuesAndCounts() {
		Map<String, AttributeValue> key = Map.of("customer", s("ann"), "number", n("1"));
		Map<String, AttributeValue> attributes = dynamo.updateItem((u) -> u.tableName("orders").key(key)
			.updateExpression("SET quantity = if_not_exists(quantity, :zero) + :one ADD tags :tag")
			.expressionAttributeValues(Map.of(":zero", n("0"), ":one", n("1"), ":tag", AttributeValue.fromSs(java.util.List.of("new"))))
			.returnValues(ReturnValue.ALL_NEW)).attributes();
		assertThat(attributes.get("quantity").n()).isEqualTo("1");
		assertThat(attributes.get("tags").ss()).containsExactly("new");
	}

	@Test
	void queryReadsOnePartitionInRangeOrderWithPaging() {
		for (int i = 1; i <= 5; i++) {
			String number = Integer.toString(i * 10);
			dynamo.putItem((p) -> p.tableName("orders").item(Map.of("customer", s("bob"), "number", n(number), "item", s("book"))));
		}
		dynamo.putItem((p) -> p.tableName("orders").item(Map.of("customer", s("carl"), "number", n("5"))));

		QueryResponse firstPage = dynamo.query((q) -> q.tableName("orders")
			.keyConditionExpression("customer = :c AND #n > :min")
			.expressionAttributeNames(Map.of("#n", "number"))
			.expressionAttributeValues(Map.of(":c", s("bob"), ":min", n("10")))
			.scanIndexForward(false).limit(3));
		assertThat(firstPage.items()).extracting((i) -> i.get("number").n()).containsExactly("50", "40", "30");
		assertThat(firstPage.lastEvaluatedKey()).containsEntry("number", n("30"));
		QueryResponse secondPage = dynamo.query((q) -> q.tableName("orders")
			.keyConditionExpression("customer = :c AND #n > :min")
			.expressionAttributeNames(Map.of("#n", "number"))
			.expressionAttributeValues(Map.of(":c", s("bob"), ":min", n("10")))
			.scanIndexForward(false).limit(3).exclusiveStartKey(firstPage.lastEvaluatedKey()));
		assertThat(secondPage.items()).extracting((i) -> i.get("number").n()).containsExactly("20");
		dynamo.deleteItem((d) -> d.tableName("orders").key(firstPage.lastEvaluatedKey()));
		assertThat(dynamo.query((q) -> q.tableName("orders").keyConditionExpression("customer = :c AND #n > :min")
			.expressionAttributeNames(Map.of("#n", "number"))
			.expressionAttributeValues(Map.of(":c", s("bob"), ":min", n("10")))
			.scanIndexForward(false).limit(3).exclusiveStartKey(firstPage.lastEvaluatedKey())).items())
			.as("paging continues after a start key whose item was deleted meanwhile")
			.extracting((i) -> i.get("number").n()).containsExactly("20");
		assertThat(secondPage.hasLastEvaluatedKey() && !secondPage.lastEvaluatedKey().isEmpty()).isFalse();

		assertThatThrownBy(() -> dynamo.query((q) -> q.tableName("orders").keyConditionExpression("#n = :n")
			.expressionAttributeNames(Map.of("#n", "number")).expressionAttributeValues(Map.of(":n", n("1")))))
			.isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("Query condition missed key schema element: customer"));

		dynamo.deleteItem((d) -> d.tableName("orders").key(Map.of("customer", s("carl"), "number", n("5"))));
		assertThat(dynamo.query((q) -> q.tableName("orders").keyConditionExpression("customer = :c")
			.expressionAttributeValues(Map.of(":c", s("carl")))).count()).isZero();
	}

	@Test
	void timeToLiveAndTagsAreKept() {
		dynamo.createTable((t) -> t.tableName("ttl-table").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
		assertThat(dynamo.describeTimeToLive((d) -> d.tableName("ttl-table")).timeToLiveDescription().timeToLiveStatus())
			.isEqualTo(TimeToLiveStatus.DISABLED);
		dynamo.updateTimeToLive((u) -> u.tableName("ttl-table")
			.timeToLiveSpecification((s) -> s.enabled(true).attributeName("expiresAt")));
		assertThat(dynamo.describeTimeToLive((d) -> d.tableName("ttl-table")).timeToLiveDescription()).satisfies((ttl) -> {
			assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
			assertThat(ttl.attributeName()).isEqualTo("expiresAt");
		});
		assertThatThrownBy(() -> dynamo.updateTimeToLive((u) -> u.tableName("ttl-table")
			.timeToLiveSpecification((s) -> s.enabled(true).attributeName("expiresAt"))))
			.isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("TimeToLive is already enabled"));

		String arn = dynamo.describeTable((d) -> d.tableName("ttl-table")).table().tableArn();
		dynamo.tagResource((t) -> t.resourceArn(arn).tags((tag) -> tag.key("stage").value("dev")));
		assertThat(dynamo.listTagsOfResource((l) -> l.resourceArn(arn)).tags())
			.singleElement().satisfies((tag) -> assertThat(tag.value()).isEqualTo("dev"));

		dynamo.deleteTable((d) -> d.tableName("ttl-table"));
		assertThat(dynamo.listTables().tableNames()).doesNotContain("ttl-table");
	}

	@Test
	void batchWritesAndReadsAndExpiredItemsAreSwept() {
		dynamo.createTable((t) -> t.tableName("batch-table").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
		dynamo.updateTimeToLive((u) -> u.tableName("batch-table").timeToLiveSpecification((s) -> s.enabled(true).attributeName("expiresAt")));
		long past = java.time.Instant.now().minusSeconds(60).getEpochSecond();
		long future = java.time.Instant.now().plusSeconds(3600).getEpochSecond();
		dynamo.batchWriteItem((b) -> b.requestItems(Map.of("batch-table", java.util.List.of(
				software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest((p) -> p.item(Map.of("id", s("old"), "expiresAt", n(Long.toString(past))))).build(),
				software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest((p) -> p.item(Map.of("id", s("new"), "expiresAt", n(Long.toString(future))))).build()))));
		var read = dynamo.batchGetItem((b) -> b.requestItems(Map.of("batch-table",
				software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(Map.of("id", s("old")), Map.of("id", s("new"))).build())));
		assertThat(read.responses().get("batch-table")).hasSize(2);

		SharedCloud.cloud().service(DynamoDbService.class).expireItems();
		assertThat(dynamo.scan((sc) -> sc.tableName("batch-table")).items()).extracting((i) -> i.get("id").s()).containsExactly("new");
		assertThatThrownBy(() -> dynamo.batchWriteItem((b) -> b.requestItems(Map.of("no-such-table", java.util.List.of(
				software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().deleteRequest((d) -> d.key(Map.of("id", s("x")))).build())))))
			.isInstanceOf(ResourceNotFoundException.class);
		dynamo.deleteTable((d) -> d.tableName("batch-table"));
	}

	@Test
	void queryReadsAGlobalSecondaryIndex() {
		dynamo.createTable((t) -> t.tableName("pets").billingMode(BillingMode.PAY_PER_REQUEST)
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S),
					(a) -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
			.globalSecondaryIndexes((g) -> g.indexName("by-owner").keySchema((k) -> k.attributeName("owner").keyType(KeyType.HASH))
				.projection((p) -> p.projectionType("ALL"))));
		dynamo.putItem((p) -> p.tableName("pets").item(Map.of("id", s("p1"), "owner", s("ann"))));
		dynamo.putItem((p) -> p.tableName("pets").item(Map.of("id", s("p2"), "owner", s("bob"))));
		dynamo.putItem((p) -> p.tableName("pets").item(Map.of("id", s("p3"))));
		assertThat(dynamo.query((q) -> q.tableName("pets").indexName("by-owner").keyConditionExpression("#o = :o")
			.expressionAttributeNames(Map.of("#o", "owner")).expressionAttributeValues(Map.of(":o", s("ann")))).items())
			.extracting((i) -> i.get("id").s()).containsExactly("p1");
		assertThatThrownBy(() -> dynamo.query((q) -> q.tableName("pets").indexName("nope").keyConditionExpression("id = :i")
			.expressionAttributeValues(Map.of(":i", s("p1"))))).isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("does not have the specified index: nope"));
		dynamo.deleteTable((d) -> d.tableName("pets"));
	}

	@Test
	void transactionsWriteAllOrNothing() {
		dynamo.putItem((p) -> p.tableName("tasks").item(Map.of("taskId", s("tx-existing"), "state", s("running"))));
		software.amazon.awssdk.services.dynamodb.model.TransactWriteItem put = software.amazon.awssdk.services.dynamodb.model.TransactWriteItem
			.builder().put((p) -> p.tableName("tasks").item(Map.of("taskId", s("tx-new"), "state", s("pending")))).build();
		software.amazon.awssdk.services.dynamodb.model.TransactWriteItem failingCheck = software.amazon.awssdk.services.dynamodb.model.TransactWriteItem
			.builder().conditionCheck((c) -> c.tableName("tasks").key(Map.of("taskId", s("tx-existing")))
				.conditionExpression("#s = :pending").expressionAttributeNames(Map.of("#s", "state"))
				.expressionAttributeValues(Map.of(":pending", s("pending")))).build();
		assertThatThrownBy(() -> dynamo.transactWriteItems((t) -> t.transactItems(put, failingCheck)))
			.isInstanceOfSatisfying(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.cancellationReasons()).extracting((r) -> r.code()).containsExactly("None", "ConditionalCheckFailed");
			});
		assertThat(dynamo.getItem((g) -> g.tableName("tasks").key(Map.of("taskId", s("tx-new")))).hasItem())
			.as("nothing written when one condition fails").isFalse();

		software.amazon.awssdk.services.dynamodb.model.TransactWriteItem update = software.amazon.awssdk.services.dynamodb.model.TransactWriteItem
			.builder().update((u) -> u.tableName("tasks").key(Map.of("taskId", s("tx-existing")))
				.updateExpression("SET #s = :done").expressionAttributeNames(Map.of("#s", "state"))
				.expressionAttributeValues(Map.of(":done", s("succeeded")))).build();
		dynamo.transactWriteItems((t) -> t.transactItems(put, update));
		var read = dynamo.transactGetItems((t) -> t.transactItems(
				(i) -> i.get((g) -> g.tableName("tasks").key(Map.of("taskId", s("tx-new"))).projectionExpression("taskId")),
				(i) -> i.get((g) -> g.tableName("tasks").key(Map.of("taskId", s("tx-existing")))),
				(i) -> i.get((g) -> g.tableName("tasks").key(Map.of("taskId", s("tx-none"))))));
		assertThat(read.responses().get(0).item()).containsOnlyKeys("taskId");
		assertThat(read.responses().get(1).item().get("state").s()).isEqualTo("succeeded");
		assertThat(read.responses().get(2).hasItem()).isFalse();
		assertThatThrownBy(() -> dynamo.transactWriteItems((t) -> t.transactItems(update, update)))
			.isInstanceOfSatisfying(DynamoDbException.class,
					(ex) -> assertThat(ex.getMessage()).contains("multiple operations on one item"));
	}

	/** The start transition of the task-response table: conditional on "not there yet, or pending". */
	private static boolean start(String taskId) {
		Map<String, AttributeValue> values = new HashMap<>();
		values.put(":running", s("running"));
		values.put(":pending", s("pending"));
		values.put(":target", s("report"));
		values.put(":expiresAt", n("1700000000"));
		try {
			dynamo.updateItem((u) -> u.tableName("tasks").key(Map.of("taskId", s(taskId)))
				.conditionExpression("attribute_not_exists(taskId) OR #state = :pending")
				.updateExpression("SET #state = :running, target = :target, expiresAt = :expiresAt")
				.expressionAttributeNames(Map.of("#state", "state"))
				.expressionAttributeValues(values));
			return true;
		}
		catch (ConditionalCheckFailedException alreadyStarted) {
			return false;
		}
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static AttributeValue n(String value) {
		return AttributeValue.fromN(value);
	}

}
