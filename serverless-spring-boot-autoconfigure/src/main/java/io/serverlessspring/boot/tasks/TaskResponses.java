package io.serverlessspring.boot.tasks;

import java.util.Optional;

/**
 * Captured task responses, by task id. Deployed they live in DynamoDB (readable from any
 * instance); locally in memory.
 */
public interface TaskResponses {

	/** Records a task as pending, before it is sent. */
	void pending(String taskId, String target);

	/**
	 * Moves a task to running. Returns {@code false}, changing nothing, when it already started:
	 * a second delivery of the same task.
	 */
	boolean start(String taskId, String target);

	/** Records the result (JSON) of a task. */
	void succeeded(String taskId, String resultJson);

	/** Records the error (JSON) of a task. */
	void failed(String taskId, String errorJson);

	/** The task's response, if known. */
	Optional<TaskResponse> find(String taskId);

}
