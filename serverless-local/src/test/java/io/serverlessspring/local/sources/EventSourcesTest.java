package io.serverlessspring.local.sources;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Events that reach a function without anyone invoking it: SQS event source mappings, S3 notifications. */
class EventSourcesTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	private static String functionArn;

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "sources-echo", 10);
		functionArn = lambda.getFunction((g) -> g.functionName("sources-echo")).configuration().functionArn();
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("sources-echo"));
	}

	@Test
	void pollsAQueueAndDeletesWhatTheFunctionProcessed() {
		SqsClient sqs = SharedCloud.client(SqsClient.builder());
		String queueUrl = sqs.createQueue((c) -> c.queueName("adoptions")).queueUrl();
		String queueArn = sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes().get(QueueAttributeName.QUEUE_ARN);
		var mapping = lambda.createEventSourceMapping((m) -> m.functionName("sources-echo")
			.eventSourceArn(queueArn).batchSize(5));
		assertThat(mapping.eventSourceArn()).isEqualTo(queueArn);
		assertThat(lambda.listEventSourceMappings((l) -> l.functionName("sources-echo")).eventSourceMappings())
			.extracting(EventSourceMappingConfiguration::uuid).containsExactly(mapping.uuid());

		sqs.sendMessage((s) -> s.queueUrl(queueUrl).messageBody("adopt sqs-rex-77"));
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("sqs-rex-77")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).contains("\"eventSource\":\"aws:sqs\"")
				.contains("\"eventSourceARN\":\"" + queueArn + "\"")));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl)
			.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.attributes()).as("processed messages are deleted").containsValues("0").doesNotContainValue("1"));

		lambda.deleteEventSourceMapping((d) -> d.uuid(mapping.uuid()));
		assertThatThrownBy(() -> lambda.createEventSourceMapping((m) -> m.functionName("sources-echo")
			.eventSourceArn("arn:aws:sqs:us-east-1:000000000000:missing"))).isInstanceOf(InvalidParameterValueException.class);
	}

	/** A DynamoDB stream mapping delivers item changes as the aws:dynamodb event (fixture: AWS's documented record). */
	@Test
	void readsATableStreamFromTheTrimHorizonAndDeliversEachChangeWithItsImages() throws Exception {
		DynamoDbClient dynamo = SharedCloud.client(DynamoDbClient.builder());
		String streamArn = dynamo.createTable((c) -> c.tableName("pets-stream").billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
			.streamSpecification((s) -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
			.tableDescription().latestStreamArn();
		dynamo.putItem((p) -> p.tableName("pets-stream").item(new TreeMap<>(Map.of("id", AttributeValue.fromS("ddb-rex-5"),
				"status", AttributeValue.fromS("available")))));
		var mapping = lambda.createEventSourceMapping((m) -> m.functionName("sources-echo").eventSourceArn(streamArn)
			.startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(1));
		assertThat(mapping.startingPosition()).isEqualTo(EventSourcePosition.TRIM_HORIZON);
		dynamo.putItem((p) -> p.tableName("pets-stream").item(new TreeMap<>(Map.of("id", AttributeValue.fromS("ddb-rex-5"),
				"status", AttributeValue.fromS("adopted")))));
		dynamo.deleteItem((d) -> d.tableName("pets-stream").key(Map.of("id", AttributeValue.fromS("ddb-rex-5"))));

		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("ddb-rex-5")).events())
			.extracting((e) -> e.message().replaceAll("(?s).*\"eventName\":\"([A-Z]+)\".*", "$1"))
			.containsExactly("INSERT", "MODIFY", "REMOVE"));
		String modify = logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("ddb-rex-5")).events()
			.get(1).message();
		assertThat(modify).contains("\"eventSource\":\"aws:dynamodb\"").contains("\"eventSourceARN\":\"" + streamArn + "\"")
			.contains("\"OldImage\":{\"id\":{\"S\":\"ddb-rex-5\"},\"status\":{\"S\":\"available\"}}")
			.contains("\"NewImage\":{\"id\":{\"S\":\"ddb-rex-5\"},\"status\":{\"S\":\"adopted\"}}");
		JsonNode fixture = Json.parse(new String(getClass().getResourceAsStream("/events/dynamodb-stream/modify.json").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8)).path("Records").get(0);
		for (String field : List.of("eventID", "eventVersion", "awsRegion", "ApproximateCreationDateTime", "Keys", "SequenceNumber",
				"SizeBytes", "StreamViewType")) {
			assertThat(fixture.findValue(field)).as("fixture field " + field).isNotNull();
			assertThat(modify).as("field of AWS's record: " + field).contains("\"" + field + "\":");
		}
		lambda.deleteEventSourceMapping((d) -> d.uuid(mapping.uuid()));
		assertThatThrownBy(() -> lambda.createEventSourceMapping((m) -> m.functionName("sources-echo").eventSourceArn(streamArn)
			.startingPosition(EventSourcePosition.AT_TIMESTAMP))).isInstanceOf(InvalidParameterValueException.class)
			.hasMessageContaining("StartingPosition");
	}

	/** FilterCriteria on a queue: only matching bodies reach the function; the rest are deleted, as AWS does. */
	@Test
	void deliversOnlyTheQueueMessagesItsFilterCriteriaMatchAndDeletesTheRest() {
		SqsClient sqs = SharedCloud.client(SqsClient.builder());
		String queueUrl = sqs.createQueue((c) -> c.queueName("filtered-adoptions")).queueUrl();
		String queueArn = sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes().get(QueueAttributeName.QUEUE_ARN);
		String pattern = "{\"body\":{\"kind\":[\"adopt\"],\"age\":[{\"numeric\":[\">\",2]}],\"vet\":[{\"exists\":false}]}}";
		assertThatThrownBy(() -> lambda.createEventSourceMapping((m) -> m.functionName("sources-echo").eventSourceArn(queueArn)
			.filterCriteria((f) -> f.filters((p) -> p.pattern("{\"body\": 5}"))))).isInstanceOf(InvalidParameterValueException.class)
			.hasMessageContaining("FilterCriteria.Filters[0].Pattern");
		assertThat(lambda.listEventSourceMappings((l) -> l.eventSourceArn(queueArn)).eventSourceMappings())
			.as("an invalid pattern creates nothing").isEmpty();
		var mapping = lambda.createEventSourceMapping((m) -> m.functionName("sources-echo").eventSourceArn(queueArn)
			.filterCriteria((f) -> f.filters((p) -> p.pattern(pattern))));
		assertThat(lambda.getEventSourceMapping((g) -> g.uuid(mapping.uuid())).filterCriteria().filters())
			.singleElement().satisfies((f) -> assertThat(f.pattern()).isEqualTo(pattern));

		sqs.sendMessage((s) -> s.queueUrl(queueUrl).messageBody("{\"kind\":\"adopt\",\"age\":1,\"pet\":\"flt-sqs-young\"}"));
		sqs.sendMessage((s) -> s.queueUrl(queueUrl).messageBody("{\"kind\":\"adopt\",\"age\":5,\"vet\":\"x\",\"pet\":\"flt-sqs-vet\"}"));
		sqs.sendMessage((s) -> s.queueUrl(queueUrl).messageBody("adopt flt-sqs-plain"));
		sqs.sendMessage((s) -> s.queueUrl(queueUrl).messageBody("{\"kind\":\"adopt\",\"age\":3,\"pet\":\"flt-sqs-rex\"}"));
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("flt-sqs-rex")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).contains("\"eventSource\":\"aws:sqs\"")));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl)
			.attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
			.attributes()).as("filtered-out messages are deleted too").containsOnlyKeys(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
				QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).allSatisfy((k, v) -> assertThat(v).isEqualTo("0")));
		for (String dropped : List.of("flt-sqs-young", "flt-sqs-vet", "flt-sqs-plain")) {
			assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern(dropped)).events())
				.as("filtered out: " + dropped).isEmpty();
		}
		lambda.deleteEventSourceMapping((d) -> d.uuid(mapping.uuid()));
	}

	/** FilterCriteria on a stream: matched against the record as sent (eventName, dynamodb.NewImage). */
	@Test
	void deliversOnlyTheStreamChangesItsFilterCriteriaMatch() {
		DynamoDbClient dynamo = SharedCloud.client(DynamoDbClient.builder());
		String streamArn = dynamo.createTable((c) -> c.tableName("pets-filtered").billingMode(BillingMode.PAY_PER_REQUEST)
			.attributeDefinitions((a) -> a.attributeName("id").attributeType(ScalarAttributeType.S))
			.keySchema((k) -> k.attributeName("id").keyType(KeyType.HASH))
			.streamSpecification((s) -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
			.tableDescription().latestStreamArn();
		var mapping = lambda.createEventSourceMapping((m) -> m.functionName("sources-echo").eventSourceArn(streamArn)
			.startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(1).filterCriteria((f) -> f.filters(
				(p) -> p.pattern("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[{\"prefix\":\"adopt\"}]}}}}"))));
		for (String[] change : List.of(new String[] { "flt-ddb-1", "available" }, new String[] { "flt-ddb-2", "adopted" },
				new String[] { "flt-ddb-1", "adopted" })) {
			dynamo.putItem((p) -> p.tableName("pets-filtered").item(new TreeMap<>(Map.of("id", AttributeValue.fromS(change[0]),
					"status", AttributeValue.fromS(change[1])))));
		}
		dynamo.deleteItem((d) -> d.tableName("pets-filtered").key(Map.of("id", AttributeValue.fromS("flt-ddb-2"))));
		dynamo.putItem((p) -> p.tableName("pets-filtered").item(new TreeMap<>(Map.of("id", AttributeValue.fromS("flt-ddb-3"),
				"status", AttributeValue.fromS("adopted-today")))));

		// records are read in order, so once flt-ddb-3 arrived every earlier change was either delivered or passed over
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("flt-ddb")).events())
			.extracting((e) -> e.message().replaceAll("(?s).*\"eventName\":\"([A-Z]+)\".*\"id\":\\{\"S\":\"(flt-ddb-[0-9])\".*", "$1 $2"))
			.containsExactly("INSERT flt-ddb-2", "INSERT flt-ddb-3"));
		lambda.deleteEventSourceMapping((d) -> d.uuid(mapping.uuid()));
	}

	@Test
	void sendsAFailedEventInvocationToItsOnFailureDestination() {
		SqsClient sqs = SharedCloud.client(SqsClient.builder());
		String queueUrl = sqs.createQueue((c) -> c.queueName("failed-invocations")).queueUrl();
		String queueArn = sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes().get(QueueAttributeName.QUEUE_ARN);
		lambda.putFunctionEventInvokeConfig((c) -> c.functionName("sources-echo").maximumRetryAttempts(0)
			.destinationConfig((d) -> d.onFailure((f) -> f.destination(queueArn))));
		assertThat(lambda.getFunctionEventInvokeConfig((g) -> g.functionName("sources-echo")).maximumRetryAttempts()).isZero();
		String kinesis = "arn:aws:kinesis:us-east-1:000000000000:stream/failures";
		assertThatThrownBy(() -> lambda.updateFunctionEventInvokeConfig((u) -> u.functionName("sources-echo").maximumRetryAttempts(2)
			.destinationConfig((d) -> d.onFailure((f) -> f.destination(kinesis)))))
			.isInstanceOfSatisfying(InvalidParameterValueException.class, (ex) -> assertThat(ex.getMessage()).contains(kinesis));
		assertThat(lambda.getFunctionEventInvokeConfig((g) -> g.functionName("sources-echo")).maximumRetryAttempts())
			.as("a refused update changes nothing").isZero();

		lambda.invoke((i) -> i.functionName("sources-echo").invocationType(software.amazon.awssdk.services.lambda.model.InvocationType.EVENT)
			.payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"fail\":true,\"marker\":\"dest-5\"}")));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sqs.receiveMessage((r) -> r.queueUrl(queueUrl)
			.waitTimeSeconds(1)).messages()).singleElement().satisfies((m) -> assertThat(m.body())
				.contains("\"condition\":\"RetriesExhausted\"").contains("\"functionError\":\"Unhandled\"")
				.contains("dest-5").contains("asked to fail")));
		lambda.deleteFunctionEventInvokeConfig((d) -> d.functionName("sources-echo"));
	}

	@Test
	void sendsS3NotificationsToTheFunction() {
		S3Client s3 = SharedCloud.client(S3Client.builder().forcePathStyle(true));
		s3.createBucket((b) -> b.bucket("uploads"));
		s3.putBucketNotificationConfiguration((n) -> n.bucket("uploads").notificationConfiguration((c) -> c
			.lambdaFunctionConfigurations((l) -> l.id("photos").lambdaFunctionArn(functionArn).events(Event.S3_OBJECT_CREATED)
				.filter((f) -> f.key((k) -> k.filterRules((r) -> r.name("prefix").value("photos/")))))));
		assertThat(s3.getBucketNotificationConfiguration((g) -> g.bucket("uploads")).lambdaFunctionConfigurations())
			.singleElement().satisfies((c) -> assertThat(c.lambdaFunctionArn()).isEqualTo(functionArn));

		s3.putObject((p) -> p.bucket("uploads").key("photos/s3-cat-9.png"), RequestBody.fromString("png"));
		s3.putObject((p) -> p.bucket("uploads").key("other/s3-dog-9.png"), RequestBody.fromString("png"));
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("s3-cat-9")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).contains("\"eventName\":\"ObjectCreated:Put\"")
				.contains("\"name\":\"uploads\"")));
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sources-echo").filterPattern("s3-dog-9")).events())
			.as("outside the prefix filter").isEmpty();
	}

}
