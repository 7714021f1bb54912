package io.serverlessspring.boot.tasks;

import java.util.List;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.testapp.PetJobs;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks with the sqs and sns sources: sent to real queues and topics (moto), run when delivered back. */
@DeployedAppTest
class TaskQueueSourcesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static SqsClient sqs;

	private static SnsClient sns;

	private static String taskQueue;

	private static String topicArn;

	private static String topicSink;

	@Autowired
	PetJobs petJobs;

	@Autowired
	Recorder recorder;

	@Autowired
	EventRouter router;

	@Autowired
	ServerlessProperties properties;

	@BeforeAll
	static void queuesAndTopic() {
		MotoServer moto = MotoServer.shared();
		System.setProperty("aws.endpointUrlSqs", moto.endpoint().toString());
		System.setProperty("aws.endpointUrlSns", moto.endpoint().toString());
		sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).build();
		sns = SnsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).build();
		taskQueue = sqs.createQueue((q) -> q.queueName("petstore-dev-tasks")).queueUrl();
		topicArn = sns.createTopic((t) -> t.name("petstore-dev-tasks")).topicArn();
		topicSink = sqs.createQueue((q) -> q.queueName("petstore-dev-tasks-topic-sink")).queueUrl();
		String sinkArn = sqs.getQueueAttributes((a) -> a.queueUrl(topicSink).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes().get(QueueAttributeName.QUEUE_ARN);
		sns.subscribe((s) -> s.topicArn(topicArn).protocol("sqs").endpoint(sinkArn));
	}

	@AfterAll
	static void close() {
		System.clearProperty("aws.endpointUrlSqs");
		System.clearProperty("aws.endpointUrlSns");
		sqs.close();
		sns.close();
	}

	@BeforeEach
	void clear() {
		this.recorder.clear();
		// What the console sets on the function (SERVERLESS_TASKS_SQSQUEUEURL / _SNSTOPICARN).
		this.properties.getTasks().setSqsQueueUrl(taskQueue);
		this.properties.getTasks().setSnsTopicArn(topicArn);
	}

	@Test
	void anSqsTaskIsAMessageOnTheTasksQueueAndRunsWhenTheQueueDeliversIt() {
		this.petJobs.remindOwner("alice");

		Message message = receiveOne(taskQueue);
		JsonNode task = JSON.readTree(message.body()).get("serverless");
		assertThat(task.get("target").asString()).isEqualTo("petJobs#remindOwner(java.lang.String)");
		assertThat(this.recorder.calls()).isEmpty();

		ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.event("sqs/task-envelope.json"));
		((ObjectNode) event.get("Records").get(0)).put("body", message.body());
		String response = Routing.route(this.router, event.toString());

		assertThat(this.recorder.calls()).containsExactly("remindOwner(alice)");
		assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
	}

	@Test
	void anSnsTaskIsPublishedOnTheTasksTopicAndRunsWhenSnsDeliversIt() {
		this.petJobs.announce("kittens");

		String published = JSON.readTree(receiveOne(topicSink).body()).get("Message").asString();
		assertThat(JSON.readTree(published).at("/serverless/target").asString())
			.isEqualTo("petJobs#announce(java.lang.String)");

		ObjectNode event = (ObjectNode) JSON.readTree(Fixtures.event("sns/pet-news.json"));
		ObjectNode sns = (ObjectNode) event.get("Records").get(0).get("Sns");
		sns.put("Message", published);
		sns.put("TopicArn", topicArn);
		Routing.route(this.router, event.toString());

		assertThat(this.recorder.calls()).containsExactly("announce(kittens)");
	}

	private static Message receiveOne(String queueUrl) {
		List<Message> messages = sqs.receiveMessage((r) -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(5))
			.messages();
		assertThat(messages).hasSize(1);
		sqs.deleteMessage((d) -> d.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
		return messages.get(0);
	}

}
