package io.serverlessspring.boot.scheduling;

/** A schedule EventBridge cannot express as written; the message names the expression and why. */
public class InvalidScheduleException extends IllegalArgumentException {

	public InvalidScheduleException(String message) {
		super(message);
	}

	public InvalidScheduleException(String message, Throwable cause) {
		super(message, cause);
	}

}
