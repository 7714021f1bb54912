package io.serverlessspring.boot.tasks;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import software.amazon.awssdk.services.sns.SnsClient;

/** Sends a task as an SNS message to the tasks topic the function subscribes to. */
public class SnsTaskSender implements TaskSender {

	private final TaskAwsClients.Lazy<SnsClient> client = TaskAwsClients.lazy(() -> TaskClientBuilders.configure(SnsClient.builder(), null).build());

	private final Supplier<String> topicArn;

	public SnsTaskSender(Supplier<String> topicArn) {
		this.topicArn = topicArn;
	}

	@Override
	public void send(TaskDestination destination, byte[] payload) {
		String arn = this.topicArn.get();
		if (arn == null || arn.isBlank()) {
			throw new IllegalStateException("A task with source sns needs serverless.tasks.sns-topic-arn"
					+ " (SERVERLESS_TASKS_SNSTOPICARN, set by the console on deploy)");
		}
		this.client.get().publish((publish) -> publish.topicArn(arn).message(new String(payload, StandardCharsets.UTF_8)));
	}

	@Override
	public void close() {
		this.client.drop();
	}

}
