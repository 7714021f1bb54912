package io.serverlessspring.boot.tasks;

/** A task's serialised call is larger than its source accepts; nothing was sent. */
public class TaskPayloadTooLargeException extends IllegalArgumentException {

	public TaskPayloadTooLargeException(String target, int size, int limit) {
		super("Task " + target + " was not sent: its payload is " + size + " bytes, over the " + limit
				+ "-byte limit of an asynchronous Lambda event. Pass a reference (an S3 key, a row id) instead of the data.");
	}

}
