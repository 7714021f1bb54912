package io.serverlessspring.shell.support;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** SDK clients a test uses to look at what a command left in moto or the local cloud (dummy credentials). */
public final class TestAwsClients {

	private TestAwsClients() {
	}

	public static LambdaClient lambda(URI endpoint) {
		return configure(LambdaClient.builder(), endpoint, Region.US_EAST_1).build();
	}

	public static IamClient iam(URI endpoint) {
		return configure(IamClient.builder(), endpoint, Region.AWS_GLOBAL).build();
	}

	public static S3Client s3(URI endpoint) {
		return configure(S3Client.builder().forcePathStyle(true), endpoint, Region.US_EAST_1).build();
	}

	public static SsmClient ssm(URI endpoint) {
		return configure(SsmClient.builder(), endpoint, Region.US_EAST_1).build();
	}

	public static SecretsManagerClient secretsManager(URI endpoint) {
		return configure(SecretsManagerClient.builder(), endpoint, Region.US_EAST_1).build();
	}

	/** No function, no role of the stage ({@code <function>-...}) and no bucket: a refused command made nothing. */
	public static void assertNothingCreated(URI endpoint, String functionName) {
		try (LambdaClient lambda = lambda(endpoint); IamClient iam = iam(endpoint); S3Client s3 = s3(endpoint)) {
			org.assertj.core.api.Assertions.assertThat(lambda.listFunctions().functions()).isEmpty();
			org.assertj.core.api.Assertions.assertThat(iam.listRoles().roles())
				.noneMatch((role) -> role.roleName().startsWith(functionName));
			org.assertj.core.api.Assertions.assertThat(s3.listBuckets().buckets()).isEmpty();
		}
	}

	/** Any other client of the test region: {@code TestAwsClients.of(EventBridgeClient.builder(), endpoint)}. */
	public static <B extends AwsClientBuilder<B, C>, C> C of(B builder, URI endpoint) {
		return configure(builder, endpoint, Region.US_EAST_1).build();
	}

	private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint, Region region) {
		return builder.endpointOverride(endpoint)
			.region(region)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
	}

}
