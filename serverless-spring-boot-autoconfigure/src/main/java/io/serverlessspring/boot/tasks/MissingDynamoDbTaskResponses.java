package io.serverlessspring.boot.tasks;

import java.util.Optional;

/** Stands in when a deployed function has no DynamoDB module: a captured task fails with the fix. */
final class MissingDynamoDbTaskResponses implements TaskResponses {

	private static IllegalStateException missing() {
		return new IllegalStateException("A @ServerlessTask with captureResponse needs the DynamoDB client:"
				+ " add the dependency software.amazon.awssdk:dynamodb to the application");
	}

	@Override
	public void pending(String taskId, String target) {
		throw missing();
	}

	@Override
	public boolean start(String taskId, String target) {
		throw missing();
	}

	@Override
	public void succeeded(String taskId, String resultJson) {
		throw missing();
	}

	@Override
	public void failed(String taskId, String errorJson) {
		throw missing();
	}

	@Override
	public Optional<TaskResponse> find(String taskId) {
		throw missing();
	}

}
