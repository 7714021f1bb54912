package io.serverlessspring.boot.routing;

/** The function received an event that no route accepts, or that is not an event at all. */
public class UnroutableEventException extends RuntimeException {

	public UnroutableEventException(String message) {
		super(message);
	}

	public UnroutableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
