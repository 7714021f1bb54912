package io.serverlessspring.boot.remoteenv;

/** {@code serverless.function.remote-env} could not be loaded; the message names the setting and the object. */
public class RemoteEnvException extends IllegalStateException {

	RemoteEnvException(String message) {
		super(message);
	}

	RemoteEnvException(String message, Throwable cause) {
		super(message, cause);
	}

}
