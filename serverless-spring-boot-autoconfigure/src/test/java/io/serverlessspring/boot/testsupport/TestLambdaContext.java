package io.serverlessspring.boot.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context as the runtime gives it for an invocation through an alias. */
public record TestLambdaContext(String invokedFunctionArn) implements Context {

	@Override
	public String getAwsRequestId() {
		return "0c6e7a8a-1111-4222-8333-444455556666";
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/petstore-dev";
	}

	@Override
	public String getLogStreamName() {
		return "2026/11/25/[7]0123456789abcdef";
	}

	@Override
	public String getFunctionName() {
		return "petstore-dev";
	}

	@Override
	public String getFunctionVersion() {
		return "7";
	}

	@Override
	public String getInvokedFunctionArn() {
		return this.invokedFunctionArn;
	}

	@Override
	public CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public ClientContext getClientContext() {
		return null;
	}

	@Override
	public int getRemainingTimeInMillis() {
		return 30_000;
	}

	@Override
	public int getMemoryLimitInMB() {
		return 1024;
	}

	@Override
	public LambdaLogger getLogger() {
		return new LambdaLogger() {

			@Override
			public void log(String message) {
				System.out.println(message);
			}

			@Override
			public void log(byte[] message) {
				System.out.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
			}

		};
	}

}
