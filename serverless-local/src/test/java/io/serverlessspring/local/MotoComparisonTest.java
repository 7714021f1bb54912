package io.serverlessspring.local;

import java.net.URI;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The same SDK calls against moto (the strict Python emulator) and against the local cloud: the
 * same error codes and statuses, and every member moto answers is answered here too (see
 * {@link MotoAgreement}).
 */
class MotoComparisonTest {

	private static MotoAgreement agreement;

	@BeforeAll
	static void start() {
		agreement = MotoAgreement.startTopLevelOnly();
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

	/** Runs the call on both; the outcomes must agree (see {@link MotoAgreement}). */
	private static void compare(Function<URI, ?> call) {
		agreement.compare(call);
	}

}
