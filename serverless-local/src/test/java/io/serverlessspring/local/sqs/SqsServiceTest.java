package io.serverlessspring.local.sqs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.server.QueueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SQS over HTTP with the SDK v2 client (AWS JSON protocol; the SDK checks the MD5s we return). */
class SqsServiceTest {

	private final SqsClient sqs = SharedCloud.client(SqsClient.builder());

	@Test
	void sendsReceivesHidesAndDeletesAMessageWithAttributes() {
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-basic")
			.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
		assertThat(url).isEqualTo(SharedCloud.endpoint() + "/000000000000/sqs-basic");
		assertThat(this.sqs.getQueueUrl((g) -> g.queueName("sqs-basic")).queueUrl()).isEqualTo(url);

		String id = this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("{\"task\":1}")
			.messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("task").build())))
			.messageId();

		List<Message> messages = this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(10)
			.messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
		assertThat(messages).singleElement().satisfies((m) -> {
			assertThat(m.messageId()).isEqualTo(id);
			assertThat(m.body()).isEqualTo("{\"task\":1}");
			assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("task");
			assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
		});
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(url)).messages()).as("hidden while in flight").isEmpty();
		assertThat(this.sqs.getQueueAttributes((g) -> g.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
			.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
			.containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:sqs-basic")
			.containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "60");

		this.sqs.changeMessageVisibility((c) -> c.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()).visibilityTimeout(0));
		Message again = this.sqs.receiveMessage((r) -> r.queueUrl(url)).messages().get(0);
		this.sqs.deleteMessage((d) -> d.queueUrl(url).receiptHandle(again.receiptHandle()));
		assertThat(this.sqs.getQueueAttributes((g) -> g.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
			.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
			.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
		this.sqs.deleteQueue((d) -> d.queueUrl(url));
		assertThat(this.sqs.listQueues((l) -> l.queueNamePrefix("sqs-basic")).queueUrls()).isEmpty();
	}

	@Test
	void longPollReturnsAMessageSentWhileWaiting() throws Exception {
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-long-poll")).queueUrl();
		CompletableFuture<List<Message>> waiting = CompletableFuture
			.supplyAsync(() -> this.sqs.receiveMessage((r) -> r.queueUrl(url).waitTimeSeconds(10)).messages());
		this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("late"));
		assertThat(waiting.get(15, TimeUnit.SECONDS)).extracting(Message::body).containsExactly("late");
	}

	@Test
	void batchesAndDeadLetterRedrive() {
		String deadLetters = this.sqs.createQueue((c) -> c.queueName("sqs-dlq")).queueUrl();
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-redrive").attributesWithStrings(Map.of(
				"RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:sqs-dlq\",\"maxReceiveCount\":\"1\"}",
				"VisibilityTimeout", "0"))).queueUrl();
		var sent = this.sqs.sendMessageBatch((b) -> b.queueUrl(url).entries((e) -> e.id("a").messageBody("one"),
				(e) -> e.id("b").messageBody("two")));
		assertThat(sent.successful()).hasSize(2);
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(2);
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
			.as("received once already: moved to the dead-letter queue").isEmpty();
		List<Message> dead = this.sqs.receiveMessage((r) -> r.queueUrl(deadLetters).maxNumberOfMessages(10)).messages();
		assertThat(dead).extracting(Message::body).containsExactlyInAnyOrder("one", "two");
		assertThat(this.sqs.listDeadLetterSourceQueues((l) -> l.queueUrl(deadLetters)).queueUrls()).containsExactly(url);
		var changed = this.sqs.changeMessageVisibilityBatch((b) -> b.queueUrl(deadLetters).entries(
				(e) -> e.id("a").receiptHandle(dead.get(0).receiptHandle()).visibilityTimeout(0),
				(e) -> e.id("b").receiptHandle("no#such").visibilityTimeout(0)));
		assertThat(changed.successful()).extracting((e) -> e.id()).containsExactly("a");
		assertThat(changed.failed()).extracting((e) -> e.id()).containsExactly("b");
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(deadLetters).maxNumberOfMessages(10)).messages())
			.as("visible again").extracting(Message::body).containsExactly(dead.get(0).body());
	}

	@Test
	void fifoQueuesDeduplicateAndKeepGroupOrder() {
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-orders.fifo").attributesWithStrings(Map.of("FifoQueue", "true")))
			.queueUrl();
		var first = this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("one").messageGroupId("g1").messageDeduplicationId("d1"));
		var again = this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("one").messageGroupId("g1").messageDeduplicationId("d1"));
		assertThat(again.messageId()).as("a duplicate within five minutes is the same message").isEqualTo(first.messageId());
		assertThat(first.sequenceNumber()).isNotBlank();
		this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("two").messageGroupId("g1").messageDeduplicationId("d2"));
		this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("three").messageGroupId("g2").messageDeduplicationId("d3"));
		assertThatThrownBy(() -> this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("four").messageGroupId("g2")))
			.isInstanceOfSatisfying(SqsException.class, (ex) -> assertThat(ex.getMessage()).contains("ContentBasedDeduplication"));

		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
			.extracting(Message::body).containsExactly("one", "two", "three");
	}

	@Test
	void errorsAreSqsErrors() {
		assertThatThrownBy(() -> this.sqs.getQueueUrl((g) -> g.queueName("no-such-queue")))
			.isInstanceOfSatisfying(QueueDoesNotExistException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertThatThrownBy(() -> this.sqs.sendMessage((s) -> s.queueUrl(SharedCloud.endpoint() + "/000000000000/nope").messageBody("x")))
			.isInstanceOf(QueueDoesNotExistException.class);
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-errors")).queueUrl();
		assertThatThrownBy(() -> this.sqs.deleteMessage((d) -> d.queueUrl(url).receiptHandle("garbage")))
			.isInstanceOf(ReceiptHandleIsInvalidException.class);
		assertThatThrownBy(() -> this.sqs.receiveMessage((r) -> r.queueUrl(url).maxNumberOfMessages(11)))
			.isInstanceOfSatisfying(SqsException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("MaxNumberOfMessages");
			});
		assertThatThrownBy(() -> this.sqs.createQueue((c) -> c.queueName("bad name!")))
			.isInstanceOfSatisfying(SqsException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void lambdaPollersReceiveEventRecordsAndDeleteThem() {
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-poller")).queueUrl();
		this.sqs.sendMessage((s) -> s.queueUrl(url).messageBody("for lambda")
			.messageAttributes(Map.of("n", MessageAttributeValue.builder().dataType("Number").stringValue("7").build())));
		QueueSource source = SharedCloud.cloud().service(QueueSource.class);
		String arn = "arn:aws:sqs:us-east-1:000000000000:sqs-poller";
		assertThat(source.queueExists(arn)).isTrue();
		List<QueueSource.QueueMessage> batch = source.receive(arn, 10);
		assertThat(batch).singleElement().satisfies((m) -> {
			assertThat(m.body()).isEqualTo("for lambda");
			assertThat(m.attributes()).containsEntry("ApproximateReceiveCount", "1").containsKey("SentTimestamp");
			assertThat(m.messageAttributes().path("n").path("stringValue").asString()).isEqualTo("7");
			assertThat(m.messageAttributes().path("n").path("dataType").asString()).isEqualTo("Number");
		});
		source.delete(arn, batch.get(0).receiptHandle());
		assertThat(this.sqs.getQueueAttributes((g) -> g.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
			.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
			.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
	}

	@Test
	void eventSourceMappingDeliversBatchesAndKeepsOnlyReportedFailures() {
		String url = this.sqs.createQueue((c) -> c.queueName("sqs-mapped")
			.attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600"))).queueUrl();
		this.sqs.sendMessageBatch((b) -> b.queueUrl(url).entries((e) -> e.id("1").messageBody("ok-one"),
				(e) -> e.id("2").messageBody("fail-two"), (e) -> e.id("3").messageBody("ok-three")));
		LambdaClient lambda = SharedCloud.client(LambdaClient.builder());
		lambda.createFunction((c) -> c.functionName("sqs-batch").runtime(Runtime.JAVA17).handler(SqsBatchHandler.class.getName())
			.role(TestFunctions.role(SharedCloud.client(IamClient.builder()))).timeout(10).memorySize(256)
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(zip(SqsBatchHandler.class)))));
		lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("sqs-batch"));

		String mapping = lambda.createEventSourceMapping((m) -> m.functionName("sqs-batch").batchSize(10)
			.eventSourceArn("arn:aws:sqs:us-east-1:000000000000:sqs-mapped")
			.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)).uuid();

		CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sqs-batch").filterPattern("\"sqs batch records=3\""))
				.events()).as("one batch with all three messages").isNotEmpty();
			assertThat(this.sqs.getQueueAttributes((g) -> g.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
				.as("the two processed messages are deleted, the reported failure stays in flight")
				.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
				.containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1");
		});
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sqs-batch").filterPattern("\"sqs record\"")).events())
			.extracting(FilteredLogEvent::message)
			.anySatisfy((line) -> assertThat(line).contains("sqs record ok-one from aws:sqs"))
			.anySatisfy((line) -> assertThat(line).contains("sqs record ok-three from aws:sqs"));

		lambda.deleteEventSourceMapping((d) -> d.uuid(mapping));
		lambda.deleteFunction((d) -> d.functionName("sqs-batch"));
	}

	/** A Lambda zip holding one handler class at its root. */
	private static byte[] zip(Class<?> handler) {
		String entry = handler.getName().replace('.', '/') + ".class";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); InputStream in = handler.getClassLoader().getResourceAsStream(entry)) {
			zip.putNextEntry(new ZipEntry(entry));
			in.transferTo(zip);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
