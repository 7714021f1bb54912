package io.serverlessspring.local.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.LocalCloudOptions;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With strict auth, only SigV4 signatures made with the configured key pair get in, whatever the protocol. */
class StrictAuthTest {

	private static final String KEY = "AKIDSTRICTLOCAL";

	private static final String SECRET = "right-secret";

	private static LocalCloud cloud;

	@BeforeAll
	static void start() {
		cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withStrictAuth(KEY, SECRET));
	}

	@AfterAll
	static void stop() {
		cloud.close();
	}

	@Test
	void acceptsTheConfiguredKeyPairInEveryProtocol() {
		LambdaClient lambda = client(LambdaClient.builder(), KEY, SECRET);
		TestFunctions.deployEcho(lambda, client(IamClient.builder(), KEY, SECRET), "strict-echo", 10);
		String payload = lambda.invoke((i) -> i.functionName("strict-echo")
			.payload(SdkBytes.fromUtf8String("{\"text\":\"a b+c/é\"}"))).payload().asUtf8String();
		assertThat(payload).contains("a b+c/é");
		assertThat(lambda.listFunctions((l) -> l.maxItems(5)).functions()).isNotEmpty();

		S3Client s3 = client(S3Client.builder().forcePathStyle(true), KEY, SECRET);
		s3.createBucket((b) -> b.bucket("strict"));
		s3.putObject((p) -> p.bucket("strict").key("dir/a b+c.txt"), RequestBody.fromString("strict body"));
		assertThat(s3.getObjectAsBytes((g) -> g.bucket("strict").key("dir/a b+c.txt")).asUtf8String()).isEqualTo("strict body");
		assertThat(s3.listObjectsV2((l) -> l.bucket("strict").prefix("dir/")).contents()).hasSize(1);

		assertThat(client(StsClient.builder(), KEY, SECRET).getCallerIdentity().account()).isEqualTo(LocalCloud.ACCOUNT_ID);
		assertThat(client(DynamoDbClient.builder(), KEY, SECRET).listTables().tableNames()).isNotNull();
		lambda.deleteFunction((d) -> d.functionName("strict-echo"));
	}

	@Test
	void refusesAWrongSecretOrAnUnknownKeyInEachProtocolsOwnWords() {
		assertRefused(() -> client(LambdaClient.builder(), KEY, "wrong-secret").listFunctions(), "InvalidSignatureException");
		assertRefused(() -> client(LambdaClient.builder(), "OTHERKEY", SECRET).listFunctions(), "UnrecognizedClientException");
		assertRefused(() -> client(S3Client.builder().forcePathStyle(true), KEY, "wrong-secret").listBuckets(),
				"SignatureDoesNotMatch");
		assertRefused(() -> client(StsClient.builder(), KEY, "wrong-secret").getCallerIdentity(), "SignatureDoesNotMatch");
		assertRefused(() -> client(DynamoDbClient.builder(), KEY, "wrong-secret").listTables(), "InvalidSignatureException");
	}

	@Test
	void verifiesPresignedUrls() throws Exception {
		client(S3Client.builder().forcePathStyle(true), KEY, SECRET).createBucket((b) -> b.bucket("strict-presigned"));
		client(S3Client.builder().forcePathStyle(true), KEY, SECRET)
			.putObject((p) -> p.bucket("strict-presigned").key("object"), RequestBody.fromString("presigned"));
		HttpClient http = HttpClient.newHttpClient();
		assertThat(http.send(HttpRequest.newBuilder(presignedGet(SECRET)).build(), HttpResponse.BodyHandlers.ofString()).body())
			.isEqualTo("presigned");
		HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(presignedGet("wrong-secret")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(wrong.body()).contains("<Code>SignatureDoesNotMatch</Code>");
	}

	private static URI presignedGet(String secret) throws Exception {
		try (S3Presigner presigner = S3Presigner.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, secret)))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
			return presigner.presignGetObject((p) -> p.signatureDuration(Duration.ofMinutes(5))
				.getObjectRequest((o) -> o.bucket("strict-presigned").key("object"))).url().toURI();
		}
	}

	private static void assertRefused(Runnable call, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, (ex) -> {
			assertThat(ex.statusCode()).isEqualTo(403);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(code);
		});
	}

	private static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String key, String secret) {
		return builder.endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
			.overrideConfiguration((o) -> o.retryStrategy((r) -> r.maxAttempts(1)))
			.build();
	}

}
