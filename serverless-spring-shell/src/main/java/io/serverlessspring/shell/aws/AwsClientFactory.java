package io.serverlessspring.shell.aws;

import java.util.List;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Builds every AWS SDK client the console uses, all configured the same way: the region, the
 * endpoint ({@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}), the profile, retries with
 * backoff for throttling, and path-style S3 when an endpoint is given.
 *
 * <p>Extra {@link ExecutionInterceptor} beans (e.g. a test counting mutating calls) see every call.
 */
public class AwsClientFactory {

	private final List<ExecutionInterceptor> interceptors;

	public AwsClientFactory(List<ExecutionInterceptor> interceptors) {
		this.interceptors = List.copyOf(interceptors);
	}

	public AwsClients clients(AwsTarget target) {
		return new AwsClients(target, this.interceptors);
	}

}
