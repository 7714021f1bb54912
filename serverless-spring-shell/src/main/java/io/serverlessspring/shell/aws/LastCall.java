package io.serverlessspring.shell.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Remembers the AWS operation in flight on this thread, so an error can name the action that failed. */
public final class LastCall implements ExecutionInterceptor {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	@Override
	public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
		CURRENT.set(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
				+ attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
	}

	/** Records a call made without the SDK's interceptors ({@link LexBotAliasClient}). */
	static void record(String call) {
		CURRENT.set(call);
	}

	/** {@code Service.Operation} of the last call made on this thread, or {@code null}. */
	public static String current() {
		return CURRENT.get();
	}

	public static void clear() {
		CURRENT.remove();
	}

}
