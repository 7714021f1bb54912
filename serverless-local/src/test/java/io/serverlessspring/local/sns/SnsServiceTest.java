package io.serverlessspring.local.sns;

import java.util.List;
import java.util.Map;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.server.Json;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SNS over HTTP with the SDK v2 client, delivering to SQS queues of the same cloud. */
class SnsServiceTest {

	private final SnsClient sns = SharedCloud.client(SnsClient.builder());

	private final SqsClient sqs = SharedCloud.client(SqsClient.builder());

	@Test
	void publishReachesAnSqsSubscriberAsTheNotificationEnvelope() {
		String topic = this.sns.createTopic((c) -> c.name("sns-tasks")).topicArn();
		assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:000000000000:sns-tasks");
		assertThat(this.sns.createTopic((c) -> c.name("sns-tasks")).topicArn()).as("idempotent").isEqualTo(topic);
		String queueUrl = this.sqs.createQueue((c) -> c.queueName("sns-subscriber")).queueUrl();
		allowTopic(queueUrl, "sns-subscriber", topic);
		String subscription = this.sns.subscribe((s) -> s.topicArn(topic).protocol("sqs")
			.endpoint("arn:aws:sqs:us-east-1:000000000000:sns-subscriber")).subscriptionArn();
		assertThat(this.sns.listSubscriptionsByTopic((l) -> l.topicArn(topic)).subscriptions())
			.singleElement().satisfies((s) -> assertThat(s.subscriptionArn()).isEqualTo(subscription));

		String messageId = this.sns.publish((p) -> p.topicArn(topic).subject("hello").message("{\"task\":\"report\"}")
			.messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("task").build())))
			.messageId();

		List<Message> messages = this.sqs.receiveMessage((r) -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
		assertThat(messages).hasSize(1);
		JsonNode envelope = Json.parse(messages.get(0).body());
		assertThat(envelope.path("Type").asString()).isEqualTo("Notification");
		assertThat(envelope.path("MessageId").asString()).isEqualTo(messageId);
		assertThat(envelope.path("TopicArn").asString()).isEqualTo(topic);
		assertThat(envelope.path("Subject").asString()).isEqualTo("hello");
		assertThat(envelope.path("Message").asString()).isEqualTo("{\"task\":\"report\"}");
		assertThat(envelope.path("MessageAttributes").path("kind").path("Type").asString()).isEqualTo("String");
		assertThat(envelope.path("MessageAttributes").path("kind").path("Value").asString()).isEqualTo("task");
		assertThat(envelope.has("Timestamp") && envelope.has("Signature") && envelope.has("UnsubscribeURL")).isTrue();

		this.sns.unsubscribe((u) -> u.subscriptionArn(subscription));
		this.sns.deleteTopic((d) -> d.topicArn(topic));
		assertThat(this.sns.listTopics().topics()).noneMatch((t) -> t.topicArn().equals(topic));
	}

	/** As on AWS, SNS delivers to a queue only when the queue's access policy lets the topic send. */
	@Test
	void aQueueWhosePolicyDoesNotAllowTheTopicGetsNothingAndTheCloudLogsWhy() {
		String topic = this.sns.createTopic((c) -> c.name("sns-guarded")).topicArn();
		String other = this.sns.createTopic((c) -> c.name("sns-other")).topicArn();
		String openUrl = this.sqs.createQueue((c) -> c.queueName("sns-no-policy")).queueUrl();
		String guardedUrl = this.sqs.createQueue((c) -> c.queueName("sns-policy-for-other")).queueUrl();
		allowTopic(guardedUrl, "sns-policy-for-other", other);
		for (String queue : List.of("sns-no-policy", "sns-policy-for-other")) {
			this.sns.subscribe((s) -> s.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:" + queue)
				.attributes(Map.of("RawMessageDelivery", "true")));
		}
		List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger(SnsService.class.getName());
		java.util.logging.Handler handler = new java.util.logging.Handler() {
			@Override
			public void publish(java.util.logging.LogRecord record) {
				warnings.add(record.getMessage());
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		logger.addHandler(handler);
		try {
			this.sns.publish((p) -> p.topicArn(topic).message("not allowed"));
		}
		finally {
			logger.removeHandler(handler);
		}
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(openUrl).maxNumberOfMessages(10)).messages()).isEmpty();
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(guardedUrl).maxNumberOfMessages(10)).messages()).isEmpty();
		assertThat(warnings).anySatisfy((w) -> assertThat(w).contains("sns-no-policy").contains("no access policy"));
		assertThat(warnings).anySatisfy((w) -> assertThat(w).contains("sns-policy-for-other")
			.contains("ArnEquals aws:SourceArn [" + other + "] does not match " + topic));

		allowTopic(guardedUrl, "sns-policy-for-other", topic);
		this.sns.publish((p) -> p.topicArn(topic).message("allowed"));
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(guardedUrl).maxNumberOfMessages(10)).messages())
			.extracting(Message::body).containsExactly("allowed");
		assertThat(this.sqs.receiveMessage((r) -> r.queueUrl(openUrl).maxNumberOfMessages(10)).messages()).isEmpty();
	}

	/** The queue policy a user (or the AWS console) writes so that a topic may send to the queue. */
	private void allowTopic(String queueUrl, String queueName, String topicArn) {
		String policy = """
				{"Version":"2012-10-17","Statement":[{"Sid":"topic","Effect":"Allow",
				 "Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage",
				 "Resource":"arn:aws:sqs:us-east-1:000000000000:%s",
				 "Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}
				""".formatted(queueName, topicArn);
		this.sqs.setQueueAttributes((a) -> a.queueUrl(queueUrl).attributesWithStrings(Map.of("Policy", policy)));
	}

	@Test
	void rawDeliveryAndFilterPolicies() {
		String topic = this.sns.createTopic((c) -> c.name("sns-filtered")).topicArn();
		String queueUrl = this.sqs.createQueue((c) -> c.queueName("sns-raw")).queueUrl();
		allowTopic(queueUrl, "sns-raw", topic);
		this.sns.subscribe((s) -> s.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:sns-raw")
			.attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"kind\":[\"task\",{\"prefix\":\"job-\"}]}")));

		this.sns.publish((p) -> p.topicArn(topic).message("skipped")
			.messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("other").build())));
		this.sns.publish((p) -> p.topicArn(topic).message("no attributes: skipped"));
		this.sns.publish((p) -> p.topicArn(topic).message("delivered")
			.messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("job-7").build())));

		List<Message> messages = this.sqs.receiveMessage((r) -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
			.messageAttributeNames("All")).messages();
		assertThat(messages).singleElement().satisfies((m) -> {
			assertThat(m.body()).isEqualTo("delivered");
			assertThat(m.messageAttributes().get("kind").stringValue()).isEqualTo("job-7");
		});
	}

	@Test
	void publishInvokesALambdaSubscriberWithTheSnsEvent() {
		LambdaClient lambda = SharedCloud.client(LambdaClient.builder());
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "sns-echo", 10);
		String function = lambda.getFunction((g) -> g.functionName("sns-echo")).configuration().functionArn();
		String topic = this.sns.createTopic((c) -> c.name("sns-to-lambda")).topicArn();
		this.sns.subscribe((s) -> s.topicArn(topic).protocol("lambda").endpoint(function));
		this.sns.publish((p) -> p.topicArn(topic).message("sns-denied-payload"));

		lambda.addPermission((p) -> p.functionName("sns-echo").statementId("sns").action("lambda:InvokeFunction")
			.principal("sns.amazonaws.com").sourceArn(topic));
		this.sns.publish((p) -> p.topicArn(topic).message("sns-to-lambda-payload"));

		CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sns-echo").filterPattern("\"aws:sns\"")).events())
			.extracting(FilteredLogEvent::message)
			.anySatisfy((line) -> assertThat(line).contains("{\"Records\":[{\"EventSource\":\"aws:sns\"")));
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/sns-echo").filterPattern("sns-denied-payload")).events())
			.as("published before SNS was allowed to invoke the function: dropped, as on AWS").isEmpty();
		lambda.deleteFunction((d) -> d.functionName("sns-echo"));
	}

	@Test
	void httpSubscribersConfirmAndReceiveNotifications() throws Exception {
		BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
		HttpServer subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		subscriber.createContext("/hook", (exchange) -> {
			received.add(new String[] { exchange.getRequestHeaders().getFirst("x-amz-sns-message-type"),
					new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) });
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		subscriber.start();
		try {
			String topic = this.sns.createTopic((c) -> c.name("sns-http")).topicArn();
			String endpoint = "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook";
			assertThat(this.sns.subscribe((s) -> s.topicArn(topic).protocol("http").endpoint(endpoint)).subscriptionArn())
				.isEqualTo("pending confirmation");

			String[] confirmation = received.poll(30, TimeUnit.SECONDS);
			assertThat(confirmation).isNotNull();
			assertThat(confirmation[0]).isEqualTo("SubscriptionConfirmation");
			JsonNode request = Json.parse(confirmation[1]);
			assertThat(request.path("Type").asString()).isEqualTo("SubscriptionConfirmation");
			this.sns.publish((p) -> p.topicArn(topic).message("before confirmation"));

			// visiting the SubscribeURL confirms, as with AWS
			HttpResponse<String> visit = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create(request.path("SubscribeURL").asString())).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(visit.statusCode()).isEqualTo(200);
			assertThat(visit.body()).contains("<SubscriptionArn>" + topic + ":");

			this.sns.publish((p) -> p.topicArn(topic).message("after confirmation"));
			String[] notification = received.poll(30, TimeUnit.SECONDS);
			assertThat(notification).isNotNull();
			assertThat(notification[0]).isEqualTo("Notification");
			assertThat(Json.parse(notification[1]).path("Message").asString())
				.as("nothing was sent before the subscription was confirmed").isEqualTo("after confirmation");
			assertThatThrownBy(() -> this.sns.confirmSubscription((c) -> c.topicArn(topic).token("wrong")))
				.isInstanceOf(InvalidParameterException.class);
		}
		finally {
			subscriber.stop(0);
		}
	}

	@Test
	void fifoTopicsDeduplicateAndPassTheGroupToFifoQueues() {
		String topic = this.sns.createTopic((c) -> c.name("sns-orders.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
		String queueUrl = this.sqs.createQueue((c) -> c.queueName("sns-orders-queue.fifo")
			.attributesWithStrings(Map.of("FifoQueue", "true"))).queueUrl();
		allowTopic(queueUrl, "sns-orders-queue.fifo", topic);
		this.sns.subscribe((s) -> s.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:sns-orders-queue.fifo")
			.attributes(Map.of("RawMessageDelivery", "true")));

		var first = this.sns.publish((p) -> p.topicArn(topic).message("order 1").messageGroupId("cust-1").messageDeduplicationId("o1"));
		var duplicate = this.sns.publish((p) -> p.topicArn(topic).message("order 1").messageGroupId("cust-1").messageDeduplicationId("o1"));
		assertThat(duplicate.messageId()).isEqualTo(first.messageId());
		assertThat(first.sequenceNumber()).isNotBlank();
		this.sns.publish((p) -> p.topicArn(topic).message("order 2").messageGroupId("cust-1").messageDeduplicationId("o2"));
		assertThatThrownBy(() -> this.sns.publish((p) -> p.topicArn(topic).message("no group")))
			.isInstanceOfSatisfying(InvalidParameterException.class, (ex) -> assertThat(ex.getMessage()).contains("MessageGroupId"));

		List<Message> messages = this.sqs.receiveMessage((r) -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
			.messageSystemAttributeNamesWithStrings("All")).messages();
		assertThat(messages).extracting(Message::body).containsExactly("order 1", "order 2");
		assertThat(messages.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "cust-1");
	}

	@Test
	void errorsAreSnsErrors() {
		assertThatThrownBy(() -> this.sns.publish((p) -> p.topicArn("arn:aws:sns:us-east-1:000000000000:missing").message("x")))
			.isInstanceOfSatisfying(NotFoundException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.getMessage()).contains("Topic does not exist");
			});
		String topic = this.sns.createTopic((c) -> c.name("sns-errors")).topicArn();
		assertThatThrownBy(() -> this.sns.subscribe((s) -> s.topicArn(topic).protocol("carrier-pigeon").endpoint("x")))
			.isInstanceOfSatisfying(InvalidParameterException.class,
					(ex) -> assertThat(ex.getMessage()).contains("carrier-pigeon"));
		assertThatThrownBy(() -> this.sns.publish((p) -> p.topicArn(topic).message("")))
			.isInstanceOf(InvalidParameterException.class);
	}

}
