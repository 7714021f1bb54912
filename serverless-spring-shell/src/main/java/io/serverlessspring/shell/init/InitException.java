package io.serverlessspring.shell.init;

/** {@code init} cannot go on: the message says what is wrong and how to fix it. Nothing was changed. */
public class InitException extends RuntimeException {

	public InitException(String message) {
		super(message);
	}

}
