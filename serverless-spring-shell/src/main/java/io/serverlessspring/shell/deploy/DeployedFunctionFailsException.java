package io.serverlessspring.shell.deploy;

/**
 * Deploy applied its plan, but the function does not answer (its touch got a 5xx or nothing): the
 * command fails, so a script does not go on with a broken stage. The message carries the log's error.
 */
public class DeployedFunctionFailsException extends RuntimeException {

	public DeployedFunctionFailsException(String message) {
		super(message);
	}

}
