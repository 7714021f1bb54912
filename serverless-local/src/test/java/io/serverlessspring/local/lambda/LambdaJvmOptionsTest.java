package io.serverlessspring.local.lambda;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function JVM as Lambda starts it: the function's JAVA_TOOL_OPTIONS (what the console sets from
 * {@code serverless.function.java-options}) apply, and AWS_LAMBDA_INITIALIZATION_TYPE says
 * {@code snap-start} for a published SnapStart version, {@code on-demand} otherwise.
 */
class LambdaJvmOptionsTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder()
		.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(60))));

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("echo-jvm-options"));
	}

	@Test
	void appliesJavaToolOptionsAndSetsTheInitializationTypeAsLambdaDoes() {
		lambda.createFunction((c) -> c.functionName("echo-jvm-options").runtime(Runtime.JAVA21)
			.handler(TestFunctions.HANDLER).role(TestFunctions.role(SharedCloud.client(IamClient.builder())))
			.timeout(30).memorySize(256)
			.environment((e) -> e.variables(Map.of("JAVA_TOOL_OPTIONS", "-Decho.option=from-java-tool-options")))
			.snapStart((s) -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip()))));
		lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("echo-jvm-options"));

		String latest = lambda.invoke((i) -> i.functionName("echo-jvm-options").payload(SdkBytes.fromUtf8String("{}")))
			.payload()
			.asUtf8String();
		assertThat(latest).contains("\"echoOption\":\"from-java-tool-options\"").contains("\"initType\":\"on-demand\"");

		String version = lambda.publishVersion((p) -> p.functionName("echo-jvm-options")).version();
		String published = lambda
			.invoke((i) -> i.functionName("echo-jvm-options").qualifier(version).payload(SdkBytes.fromUtf8String("{}")))
			.payload()
			.asUtf8String();
		assertThat(published).contains("\"echoOption\":\"from-java-tool-options\"").contains("\"initType\":\"snap-start\"");
	}

}
