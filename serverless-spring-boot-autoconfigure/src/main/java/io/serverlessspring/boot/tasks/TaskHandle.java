package io.serverlessspring.boot.tasks;

/**
 * What a {@link ServerlessTask} method returning it gives the caller: the id under which the task
 * was sent (and its response captured). The method body returns {@link #pending()}; the proxy
 * replaces it with the real handle.
 */
public final class TaskHandle {

	private static final TaskHandle PENDING = new TaskHandle(null);

	private final String taskId;

	public TaskHandle(String taskId) {
		this.taskId = taskId;
	}

	/** The placeholder a task method's body returns. */
	public static TaskHandle pending() {
		return PENDING;
	}

	/** The task's id, as in the envelope and the response table; {@code null} for the placeholder. */
	public String taskId() {
		return this.taskId;
	}

	@Override
	public String toString() {
		return "TaskHandle[" + this.taskId + "]";
	}

}
