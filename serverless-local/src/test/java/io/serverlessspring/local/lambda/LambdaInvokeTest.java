package io.serverlessspring.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Invokes really run the package in a child JVM under the runtime interface client. */
class LambdaInvokeTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder()
		.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(60))));

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "echo", 2);
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("echo"));
	}

	@Test
	void runsTheHandlerWithLambdasEnvironmentAndReusesTheWarmEnvironment() {
		InvokeResponse first = invoke("{\"hello\":\"world\"}", LogType.TAIL);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.functionError()).isNull();
		assertThat(first.executedVersion()).isEqualTo("$LATEST");
		String body = first.payload().asUtf8String();
		assertThat(body).contains("\"event\":{\"hello\":\"world\"}").contains("\"function\":\"echo\"")
			.contains("\"version\":\"$LATEST\"").contains("\"memory\":256").contains("\"region\":\"us-east-1\"")
			.contains("\"arn\":\"arn:aws:lambda:us-east-1:000000000000:function:echo\"")
			.contains("\"endpoint\":\"" + SharedCloud.endpoint() + "\"").contains("\"greeting\":\"hello\"");
		String tail = new String(Base64.getDecoder().decode(first.logResult()), StandardCharsets.UTF_8);
		assertThat(tail).contains("START RequestId: ").contains("echo handler got 17 bytes").contains("END RequestId: ")
			.contains("REPORT RequestId: ");

		InvokeResponse second = invoke("{\"again\":true}", LogType.NONE);
		assertThat(pid(second)).as("the warm environment serves the next request").isEqualTo(pid(first));
		assertThat(invocations(second)).isEqualTo(invocations(first) + 1);
	}

	@Test
	void reportsHandlerErrorsAsLambdaDoes() {
		InvokeResponse failed = invoke("{\"fail\":true}", LogType.NONE);
		assertThat(failed.statusCode()).isEqualTo(200);
		assertThat(failed.functionError()).isEqualTo("Unhandled");
		assertThat(failed.payload().asUtf8String()).contains("\"errorMessage\":\"asked to fail\"")
			.contains("\"errorType\":\"java.lang.IllegalStateException\"");
		var errors = SharedCloud.client(software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder())
			.getMetricStatistics((m) -> m.namespace("AWS/Lambda").metricName("Errors")
				.dimensions((d) -> d.name("FunctionName").value("echo"))
				.startTime(java.time.Instant.now().minusSeconds(600)).endTime(java.time.Instant.now().plusSeconds(60))
				.period(60).statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM));
		assertThat(errors.datapoints()).as("the console's status reads AWS/Lambda metrics")
			.anySatisfy((d) -> assertThat(d.sum()).isGreaterThanOrEqualTo(1.0));
	}

	@Test
	void stopsAnInvocationAtTheTimeoutAndStartsAFreshEnvironmentAfter() {
		InvokeResponse slow = invoke("{\"sleepMillis\":10000}", LogType.NONE);
		assertThat(slow.functionError()).isEqualTo("Unhandled");
		assertThat(slow.payload().asUtf8String()).contains("Task timed out after 2.00 seconds");
		assertThat(invocations(invoke("{\"after\":\"timeout\"}", LogType.NONE))).as("a fresh JVM").isEqualTo(1);
	}

	@Test
	void queuesEventInvocationsAndWritesTheirLogsToTheFunctionsGroup() {
		InvokeResponse queued = lambda.invoke((i) -> i.functionName("echo").invocationType(InvocationType.EVENT)
			.payload(SdkBytes.fromUtf8String("{\"marker\":\"async-42\"}")));
		assertThat(queued.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.ignoreException(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/echo").filterPattern("async-42"))
			.events()).isNotEmpty());
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/echo").filterPattern("REPORT")).events())
			.extracting(FilteredLogEvent::message).allSatisfy((m) -> assertThat(m).contains("Duration: ").contains("Memory Size: 256 MB"))
			.as("a cold start reports its init").anySatisfy((m) -> assertThat(m).contains("Init Duration: "));
	}

	private static InvokeResponse invoke(String payload, LogType logType) {
		return lambda.invoke((i) -> i.functionName("echo").logType(logType).payload(SdkBytes.fromUtf8String(payload)));
	}

	private static int invocations(InvokeResponse response) {
		return Integer.parseInt(response.payload().asUtf8String().replaceAll(".*\"invocations\":(\\d+).*", "$1"));
	}

	private static String pid(InvokeResponse response) {
		return response.payload().asUtf8String().replaceAll(".*\"pid\":(\\d+).*", "$1");
	}

}
