package io.serverlessspring.boot.tasks;

import java.util.function.Supplier;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How the function builds its AWS clients: lazily (first use, not start-up: cold start), on the
 * URL-connection HTTP client (small, fast to load), with the SDK's standard endpoint and
 * credential resolution (so {@code AWS_ENDPOINT_URL} points them at a local cloud).
 */
final class TaskAwsClients {

	private TaskAwsClients() {
	}

	/** A client built on first {@code get()}, then reused. */
	static <C> Supplier<C> lazy(Supplier<C> factory) {
		return new Supplier<>() {

			private volatile C client;

			@Override
			public C get() {
				C current = this.client;
				if (current == null) {
					synchronized (this) {
						current = this.client;
						if (current == null) {
							current = factory.get();
							this.client = current;
						}
					}
				}
				return current;
			}

		};
	}

	/** Applies the common settings; {@code region} null keeps the SDK's region resolution. */
	static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
			B builder, String region) {
		builder.httpClientBuilder(UrlConnectionHttpClient.builder());
		if (region != null && !region.isBlank()) {
			builder.region(Region.of(region));
		}
		return builder;
	}

}
