package io.serverlessspring.local.lambda;

import io.serverlessspring.local.server.AwsException;

/** The errors Lambda answers with, by the codes AWS uses, so every part of the service throws the same ones. */
final class LambdaErrors {

	private LambdaErrors() {
	}

	static AwsException invalid(String message) {
		return AwsException.badRequest("InvalidParameterValueException", message);
	}

	static AwsException notFound(String message) {
		return AwsException.notFound("ResourceNotFoundException", message);
	}

	static AwsException conflict(String message) {
		return AwsException.conflict("ResourceConflictException", message);
	}

}
