package io.serverlessspring.boot.tasks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Sends a task as an asynchronous ({@code Event}) invoke; one lazily built client per region. */
public class LambdaTaskSender implements TaskSender {

	private final Map<String, LambdaClient> clients = new ConcurrentHashMap<>();

	@Override
	public void send(TaskDestination destination, byte[] payload) {
		String region = (destination.region() != null) ? destination.region() : "";
		LambdaClient client = this.clients.computeIfAbsent(region,
				(r) -> TaskClientBuilders.configure(LambdaClient.builder(), r.isEmpty() ? null : r).build());
		InvokeResponse response = client.invoke((invoke) -> invoke.functionName(destination.function())
			.qualifier(destination.qualifier())
			.invocationType(InvocationType.EVENT)
			.payload(SdkBytes.fromByteArrayUnsafe(payload)));
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Lambda answered " + response.statusCode() + " to the Event invoke of "
					+ destination.function() + " (expected 202)");
		}
	}

	@Override
	public void close() {
		this.clients.values().forEach(TaskAwsClients::closeQuietly);
		this.clients.clear();
	}

}
