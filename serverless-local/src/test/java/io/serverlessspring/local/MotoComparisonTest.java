package io.serverlessspring.local;

import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.test.moto.MotoServer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK calls against moto (the strict Python emulator) and against the local cloud: the
 * same error codes and statuses, and every member moto answers is answered here too.
 */
class MotoComparisonTest {

	private static URI moto;

	private static URI local;

	@BeforeAll
	static void start() {
		MotoServer.assumeInstalled();
		MotoServer server = MotoServer.shared();
		server.reset();
		moto = server.endpoint();
		local = SharedCloud.endpoint();
	}

	@Test
	void stsAndIamAgree() {
		compare((e) -> SharedCloud.configure(StsClient.builder(), e).getCallerIdentity());
		compare((e) -> SharedCloud.configure(IamClient.builder(), e).getRole((r) -> r.roleName("compare-missing")));
		compare((e) -> SharedCloud.configure(IamClient.builder(), e).createRole((r) -> r.roleName("compare-role")
			.assumeRolePolicyDocument(TestFunctions.TRUST)).role());
		compare((e) -> SharedCloud.configure(IamClient.builder(), e).createRole((r) -> r.roleName("compare-role")
			.assumeRolePolicyDocument(TestFunctions.TRUST)));
		compare((e) -> SharedCloud.configure(IamClient.builder(), e).getRolePolicy((r) -> r.roleName("compare-role").policyName("none")));
	}

	@Test
	void s3Agrees() {
		Function<URI, S3Client> s3 = (e) -> SharedCloud.configure(S3Client.builder().forcePathStyle(true), e);
		compare((e) -> s3.apply(e).listObjectsV2((l) -> l.bucket("compare-missing")));
		compare((e) -> s3.apply(e).createBucket((b) -> b.bucket("compare-bucket")));
		compare((e) -> s3.apply(e).putObject((p) -> p.bucket("compare-bucket").key("k"), RequestBody.fromString("v")));
		compare((e) -> s3.apply(e).getObject((g) -> g.bucket("compare-bucket").key("missing")));
		compare((e) -> s3.apply(e).headObject((g) -> g.bucket("compare-bucket").key("k")));
		compare((e) -> s3.apply(e).listObjectsV2((l) -> l.bucket("compare-bucket")));
		compare((e) -> s3.apply(e).deleteBucket((b) -> b.bucket("compare-bucket")));
	}

	@Test
	void lambdaAgrees() {
		Function<URI, LambdaClient> lambda = (e) -> SharedCloud.configure(LambdaClient.builder(), e);
		compare((e) -> lambda.apply(e).getFunction((g) -> g.functionName("compare-missing")));
		compare((e) -> lambda.apply(e).createFunction((c) -> c.functionName("compare-fn").runtime(Runtime.JAVA17)
			.handler(TestFunctions.HANDLER).role(SharedCloud.configure(IamClient.builder(), e).createRole((r) -> r
				.roleName("compare-fn-role").assumeRolePolicyDocument(TestFunctions.TRUST)).role().arn())
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())))));
		compare((e) -> lambda.apply(e).createFunction((c) -> c.functionName("compare-fn").runtime(Runtime.JAVA17)
			.handler(TestFunctions.HANDLER).role(SharedCloud.configure(IamClient.builder(), e).getRole((r) -> r
				.roleName("compare-fn-role")).role().arn())
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())))));
		compare((e) -> lambda.apply(e).getPolicy((g) -> g.functionName("compare-fn")));
		compare((e) -> lambda.apply(e).getAlias((g) -> g.functionName("compare-fn").name("missing")));
		compare((e) -> lambda.apply(e).deleteFunction((d) -> d.functionName("compare-fn")));
	}

	@Test
	void logsApiGatewayAndEventBridgeAgree() {
		compare((e) -> SharedCloud.configure(CloudWatchLogsClient.builder(), e).createLogGroup((c) -> c.logGroupName("/compare")));
		compare((e) -> SharedCloud.configure(CloudWatchLogsClient.builder(), e).createLogGroup((c) -> c.logGroupName("/compare")));
		compare((e) -> SharedCloud.configure(CloudWatchLogsClient.builder(), e).putRetentionPolicy((p) -> p
			.logGroupName("/compare-missing").retentionInDays(7)));
		compare((e) -> SharedCloud.configure(ApiGatewayV2Client.builder(), e).getApi((g) -> g.apiId("missing1")));
		compare((e) -> SharedCloud.configure(ApiGatewayV2Client.builder(), e).createApi((c) -> c.name("compare").protocolType("HTTP")));
		compare((e) -> SharedCloud.configure(EventBridgeClient.builder(), e).describeRule((d) -> d.name("compare-missing")));
		compare((e) -> SharedCloud.configure(EventBridgeClient.builder(), e).putRule((r) -> r.name("compare")
			.scheduleExpression("rate(5 minutes)")));
	}

	/** Runs the call on both; the outcomes must agree (see {@link Outcome}). */
	private static void compare(Function<URI, ?> call) {
		Outcome expected = Outcome.of(() -> call.apply(moto));
		Outcome actual = Outcome.of(() -> call.apply(local));
		assertThat(actual.error()).as("error code (moto answered %s)", expected).isEqualTo(expected.error());
		assertThat(actual.status()).as("HTTP status (moto answered %s)", expected).isEqualTo(expected.status());
		assertThat(actual.members()).as("members answered (moto answered %s)", expected).containsAll(expected.members());
	}

	/** What a call produced: an error code and status, or the members the response carries. */
	private record Outcome(String error, int status, Set<String> members) {

		static Outcome of(java.util.function.Supplier<?> call) {
			try {
				Object response = call.get();
				return new Outcome(null, 200, members(response));
			}
			catch (AwsServiceException ex) {
				return new Outcome(ex.awsErrorDetails().errorCode(), ex.statusCode(), Set.of());
			}
		}

		private static Set<String> members(Object response) {
			Set<String> members = new TreeSet<>();
			if (response instanceof SdkPojo pojo) {
				for (SdkField<?> field : pojo.sdkFields()) {
					Object value = field.getValueOrDefault(pojo);
					boolean empty = value == null || (value instanceof java.util.Collection<?> c && c.isEmpty())
							|| (value instanceof java.util.Map<?, ?> m && m.isEmpty());
					if (!empty && !field.memberName().equals("ResponseMetadata")) {
						members.add(field.memberName());
					}
				}
			}
			return members;
		}

	}

}
