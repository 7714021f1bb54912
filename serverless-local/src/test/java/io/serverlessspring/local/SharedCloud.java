package io.serverlessspring.local;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** One local cloud per test JVM (started on first use, on a free port), and SDK clients pointed at it. */
public final class SharedCloud {

	private static LocalCloud cloud;

	private SharedCloud() {
	}

	public static synchronized LocalCloud cloud() {
		if (cloud == null) {
			cloud = LocalCloud.start(0);
			Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
		}
		return cloud;
	}

	public static URI endpoint() {
		return cloud().endpoint();
	}

	/** Configures any SDK v2 client builder for the shared cloud: endpoint, region, dummy credentials. */
	public static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
		return configure(builder, endpoint());
	}

	public static <B extends AwsClientBuilder<B, C>, C> C configure(B builder, URI endpoint) {
		return builder.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

}
