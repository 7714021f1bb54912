package io.serverlessspring.boot.tasks;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The common settings of the tasks' AWS clients. Apart from {@link TaskAwsClients} (a bean Spring
 * introspects in every app) so that an app without the AWS SDK never loads SDK types.
 */
final class TaskClientBuilders {

	private TaskClientBuilders() {
	}

	/** URL-connection HTTP client; {@code region} null keeps the SDK's region resolution. */
	static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region) {
		builder.httpClientBuilder(UrlConnectionHttpClient.builder());
		if (region != null && !region.isBlank()) {
			builder.region(Region.of(region));
		}
		return builder;
	}

}
