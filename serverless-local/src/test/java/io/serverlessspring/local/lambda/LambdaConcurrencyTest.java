package io.serverlessspring.local.lambda;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One environment per concurrent request, up to the reserved concurrency; init failures as Lambda reports them. */
class LambdaConcurrencyTest {

	/** No SDK retries: a throttled call must surface, not be retried until the busy environment frees up. */
	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder()
		.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(60)).retryStrategy((r) -> r.maxAttempts(1))));

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "concurrent-echo", 20);
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("concurrent-echo"));
	}

	@Test
	void startsASecondEnvironmentForAConcurrentRequestAndThrottlesBeyondTheReservedConcurrency() {
		CompletableFuture<InvokeResponse> slow = CompletableFuture.supplyAsync(() -> invoke("{\"marker\":\"slow-1\",\"sleepMillis\":5000}"));
		awaitStarted("slow-1");
		InvokeResponse concurrent = invoke("{\"marker\":\"fast-1\"}");
		assertThat(pid(concurrent)).as("a second environment").isNotEqualTo(pid(slow.join()));

		lambda.putFunctionConcurrency((c) -> c.functionName("concurrent-echo").reservedConcurrentExecutions(1));
		CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(() -> invoke("{\"marker\":\"slow-2\",\"sleepMillis\":5000}"));
		awaitStarted("slow-2");
		assertThatThrownBy(() -> invoke("{\"marker\":\"throttled\"}"))
			.isInstanceOfSatisfying(TooManyRequestsException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(429));
		assertThat(busy.join().functionError()).isNull();
		lambda.deleteFunctionConcurrency((c) -> c.functionName("concurrent-echo"));
	}

	@Test
	void startsProvisionedEnvironmentsAheadOfRequests() {
		String version = lambda.publishVersion((p) -> p.functionName("concurrent-echo")).version();
		lambda.createAlias((a) -> a.functionName("concurrent-echo").name("warm").functionVersion(version));
		var put = lambda.putProvisionedConcurrencyConfig((p) -> p.functionName("concurrent-echo").qualifier("warm")
			.provisionedConcurrentExecutions(1));
		assertThat(put.requestedProvisionedConcurrentExecutions()).isEqualTo(1);
		assertThat(lambda.getProvisionedConcurrencyConfig((g) -> g.functionName("concurrent-echo").qualifier("warm"))
			.statusAsString()).isEqualTo("READY");
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/concurrent-echo").filterPattern("INIT_START")
				.logStreamNamePrefix(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace('-', '/') + "/[" + version + "]"))
			.events()).as("the provisioned environment of version %s started", version).hasSize(1));
		InvokeResponse response = lambda.invoke((i) -> i.functionName("concurrent-echo").qualifier("warm")
			.logType(software.amazon.awssdk.services.lambda.model.LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));
		String tail = new String(java.util.Base64.getDecoder().decode(response.logResult()), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(tail).as("initialized ahead of the request").contains("REPORT").doesNotContain("Init Duration");
		lambda.deleteProvisionedConcurrencyConfig((d) -> d.functionName("concurrent-echo").qualifier("warm"));
	}

	@Test
	void reportsAnInitFailureAsAnUnhandledError() {
		lambda.createFunction((c) -> c.functionName("broken-init").runtime(Runtime.JAVA17).handler("no.such.Handler")
			.role(TestFunctions.role(SharedCloud.client(IamClient.builder())))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip()))));
		lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("broken-init"));
		InvokeResponse response = lambda.invoke((i) -> i.functionName("broken-init").payload(SdkBytes.fromUtf8String("{}")));
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String()).contains("errorType").contains("no.such.Handler");
		lambda.deleteFunction((d) -> d.functionName("broken-init"));
	}

	private static void awaitStarted(String marker) {
		await().atMost(Duration.ofSeconds(30)).ignoreException(ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/concurrent-echo").filterPattern(marker)).events()).isNotEmpty());
	}

	private static InvokeResponse invoke(String payload) {
		return lambda.invoke((i) -> i.functionName("concurrent-echo").payload(SdkBytes.fromUtf8String(payload)));
	}

	private static String pid(InvokeResponse response) {
		return response.payload().asUtf8String().replaceAll(".*\"pid\":(\\d+).*", "$1");
	}

}
