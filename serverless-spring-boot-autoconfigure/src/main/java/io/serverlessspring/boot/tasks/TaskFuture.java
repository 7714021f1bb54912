package io.serverlessspring.boot.tasks;

import java.util.concurrent.CompletableFuture;

/**
 * The {@code CompletableFuture} a {@link ServerlessTask} method returns, carrying the task id.
 * Locally it completes with the method's result; deployed the task runs in another invocation, so
 * it stays incomplete: read the outcome from {@link TaskResponses} by {@link #taskId()}.
 */
public class TaskFuture<T> extends CompletableFuture<T> {

	private final String taskId;

	public TaskFuture(String taskId) {
		this.taskId = taskId;
	}

	public String taskId() {
		return this.taskId;
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new TaskFuture<>(this.taskId);
	}

}
