package io.serverlessspring.boot.handler;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;

/**
 * A Lambda {@link Context} for invoking the handler outside Lambda (tests, local runs): a fresh
 * request id, a generous remaining time, and a logger that prints to stdout.
 */
public final class LocalLambdaContext implements Context {

	/** The region and account of the ARN it reports: Lambda's defaults for a local, account-less run. */
	private static final String LOCAL_REGION = "us-east-1";

	private static final String LOCAL_ACCOUNT = "000000000000";

	private final String functionName;

	private final String requestId = UUID.randomUUID().toString();

	public LocalLambdaContext(String functionName) {
		this.functionName = functionName;
	}

	@Override
	public String getAwsRequestId() {
		return this.requestId;
	}

	@Override
	public String getLogGroupName() {
		return ResourceNames.logGroup(this.functionName);
	}

	@Override
	public String getLogStreamName() {
		return "local";
	}

	@Override
	public String getFunctionName() {
		return this.functionName;
	}

	@Override
	public String getFunctionVersion() {
		return "$LATEST";
	}

	@Override
	public String getInvokedFunctionArn() {
		return Arns.function(LOCAL_REGION, LOCAL_ACCOUNT, this.functionName);
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
		return 300_000;
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
				System.out.println(new String(message, StandardCharsets.UTF_8));
			}
		};
	}

}
