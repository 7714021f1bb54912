package io.serverlessspring.boot.tasks;

/** A task's arguments cannot be written as JSON; nothing was sent or run. */
public class TaskArgumentsNotSerializableException extends IllegalArgumentException {

	public TaskArgumentsNotSerializableException(String target, Throwable cause) {
		super("Task " + target + " was not sent: its arguments cannot be written as JSON ("
				+ cause.getMessage() + "). Task arguments must be JSON-serialisable.", cause);
	}

}
