package io.serverlessspring.boot.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Captured responses of tasks run locally (not deployed): one JVM, kept until it stops. */
public class InMemoryTaskResponses implements TaskResponses {

	private final Map<String, TaskResponse> responses = new ConcurrentHashMap<>();

	@Override
	public void pending(String taskId, String target) {
		this.responses.put(taskId, new TaskResponse(taskId, target, TaskState.PENDING, null, null, Instant.now()));
	}

	@Override
	public boolean start(String taskId, String target) {
		TaskResponse running = new TaskResponse(taskId, target, TaskState.RUNNING, null, null, Instant.now());
		boolean[] started = { false };
		this.responses.compute(taskId, (id, current) -> {
			if (current == null || current.state() == TaskState.PENDING) {
				started[0] = true;
				return running;
			}
			return current;
		});
		return started[0];
	}

	@Override
	public void succeeded(String taskId, String resultJson) {
		this.responses.computeIfPresent(taskId, (id, current) -> new TaskResponse(taskId, current.target(),
				TaskState.SUCCEEDED, resultJson, null, Instant.now()));
	}

	@Override
	public void failed(String taskId, String errorJson) {
		this.responses.computeIfPresent(taskId, (id, current) -> new TaskResponse(taskId, current.target(),
				TaskState.FAILED, null, errorJson, Instant.now()));
	}

	@Override
	public Optional<TaskResponse> find(String taskId) {
		return Optional.ofNullable(this.responses.get(taskId));
	}

}
