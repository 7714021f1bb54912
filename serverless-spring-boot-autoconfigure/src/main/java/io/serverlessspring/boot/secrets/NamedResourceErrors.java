package io.serverlessspring.boot.secrets;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Puts the parameter path or secret name into a service error's message. Spring Cloud AWS reports
 * a failed import with the service's message only ("Secrets Manager can't find the specified
 * secret"), which does not say which import failed.
 */
final class NamedResourceErrors implements ExecutionInterceptor {

	@Override
	public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
		Throwable exception = context.exception();
		String subject = subject(context.request());
		if (subject == null || !(exception instanceof AwsServiceException service) || service.awsErrorDetails() == null) {
			return exception;
		}
		String message = subject + ": " + service.awsErrorDetails().errorMessage();
		// getMessage() reads the message, the error details keep the service's own text: set both.
		return service.toBuilder()
			.message(message)
			.awsErrorDetails(service.awsErrorDetails().toBuilder().errorMessage(message).build())
			.build();
	}

	/** What the request was about, from the request fields these imports use. */
	private static String subject(SdkRequest request) {
		for (String field : new String[] { "SecretId", "Path", "Name" }) {
			String value = request.getValueForField(field, String.class).orElse(null);
			if (value != null) {
				return field.equals("SecretId") ? "secret " + value : "parameter " + field.toLowerCase() + " " + value;
			}
		}
		return null;
	}

}
