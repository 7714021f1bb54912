package io.serverlessspring.local.lambda;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.LocalCloudOptions;
import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.Gate;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Over the cloud's environment cap (here 1), a request waits for an environment up to its function's
 * timeout instead of being throttled at once; past the timeout it is throttled as Lambda does.
 */
class LambdaQueueingTest {

	private static LocalCloud cloud;

	private static LambdaClient lambda;

	@BeforeAll
	static void start() {
		cloud = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withMaxEnvironments(1));
		// no SDK retries: a throttled call must surface as it is
		lambda = SharedCloud.configure(LambdaClient.builder()
			.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(90)).retryStrategy((r) -> r.maxAttempts(1))),
				cloud.endpoint());
		IamClient iam = SharedCloud.configure(IamClient.builder(), cloud.endpoint());
		TestFunctions.deployEcho(lambda, iam, "queue-long", 60);
		TestFunctions.deployEcho(lambda, iam, "queue-short", 2);
	}

	@AfterAll
	static void stop() {
		cloud.close();
	}

	@Test
	void aRequestOverTheCapWaitsForTheBusyEnvironmentThenSucceeds() throws Exception {
		try (Gate gate = new Gate()) {
			CompletableFuture<InvokeResponse> first = CompletableFuture.supplyAsync(() -> invoke("queue-long", "{" + gate.blockMember() + "}"));
			gate.awaitArrival();
			CompletableFuture<InvokeResponse> second = CompletableFuture.supplyAsync(() -> invoke("queue-long", "{\"marker\":\"second\"}"));
			await().atMost(Duration.ofSeconds(30)).until(() -> cloud.service(LambdaService.class).invoker().waitingCount() == 1);
			assertThat(second).as("waiting, not throttled").isNotDone();

			gate.open();
			assertThat(first.join().functionError()).isNull();
			InvokeResponse queued = second.join();
			assertThat(queued.functionError()).isNull();
			assertThat(queued.payload().asUtf8String()).contains("\"marker\":\"second\"");
			assertThat(pid(queued)).as("the one environment, reused").isEqualTo(pid(first.join()));
		}
	}

	@Test
	void aRequestStillWaitingWhenItsFunctionsTimeoutPassesIsThrottled() throws Exception {
		try (Gate gate = new Gate()) {
			CompletableFuture<InvokeResponse> busy = CompletableFuture.supplyAsync(() -> invoke("queue-long", "{" + gate.blockMember() + "}"));
			gate.awaitArrival();
			assertThatThrownBy(() -> invoke("queue-short", "{}"))
				.isInstanceOfSatisfying(TooManyRequestsException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(429));
			assertThat(cloud.service(LambdaService.class).invoker().environmentCount("queue-short")).isZero();
			gate.open();
			assertThat(busy.join().functionError()).isNull();
		}
	}

	private static InvokeResponse invoke(String function, String payload) {
		return lambda.invoke((i) -> i.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
	}

	private static String pid(InvokeResponse response) {
		return response.payload().asUtf8String().replaceAll(".*\"pid\":(\\d+).*", "$1");
	}

}
