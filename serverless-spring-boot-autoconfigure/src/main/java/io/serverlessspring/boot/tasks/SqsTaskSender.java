package io.serverlessspring.boot.tasks;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends a task as an SQS message on the tasks queue mapped to the function. */
public class SqsTaskSender implements TaskSender {

	private final TaskAwsClients.Lazy<SqsClient> client = TaskAwsClients.lazy(() -> TaskClientBuilders.configure(SqsClient.builder(), null).build());

	private final Supplier<String> queueUrl;

	public SqsTaskSender(Supplier<String> queueUrl) {
		this.queueUrl = queueUrl;
	}

	@Override
	public void send(TaskDestination destination, byte[] payload) {
		String url = this.queueUrl.get();
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("A task with source sqs needs serverless.tasks.sqs-queue-url"
					+ " (SERVERLESS_TASKS_SQSQUEUEURL, set by the console on deploy)");
		}
		this.client.get().sendMessage((send) -> send.queueUrl(url).messageBody(new String(payload, StandardCharsets.UTF_8)));
	}

	@Override
	public void close() {
		this.client.drop();
	}

}
