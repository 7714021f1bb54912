package io.serverlessspring.boot.targets;

/** The arguments do not fit the target: the message names the target and the parameter. */
public class BadArgumentsException extends RuntimeException {

	public BadArgumentsException(String message) {
		super(message);
	}

	public BadArgumentsException(String message, Throwable cause) {
		super(message, cause);
	}

}
