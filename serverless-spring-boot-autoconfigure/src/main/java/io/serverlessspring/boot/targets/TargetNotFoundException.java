package io.serverlessspring.boot.targets;

/** No bean, method or function of that name: the message says what was looked for and what exists. */
public class TargetNotFoundException extends RuntimeException {

	public TargetNotFoundException(String message) {
		super(message);
	}

}
