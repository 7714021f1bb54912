package io.serverlessspring.local.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CloudWatch metrics over HTTP with the SDK v2 client (Smithy RPC v2 CBOR). */
class CloudWatchServiceTest {

	private final CloudWatchClient cloudWatch = SharedCloud.client(CloudWatchClient.builder());

	@Test
	void lambdaMetricsReadTheWayTheConsoleStatusReadsThem() {
		CloudWatchService metrics = SharedCloud.cloud().service(CloudWatchService.class);
		metrics.recordLambdaInvocation("cw-fn", null, 10, false, false);
		metrics.recordLambdaInvocation("cw-fn", null, 30, true, false);
		metrics.recordLambdaInvocation("cw-fn", "live", 20, false, false);
		metrics.recordLambdaInvocation("cw-fn", null, 0, false, true);

		Instant end = Instant.now().plusSeconds(60);
		GetMetricDataResponse response = this.cloudWatch.getMetricData((b) -> b.startTime(end.minus(Duration.ofHours(24)))
			.endTime(end).metricDataQueries(query("invocations", "Invocations", "Sum"), query("errors", "Errors", "Sum"),
					query("throttles", "Throttles", "Sum"), query("durationP50", "Duration", "p50"),
					query("durationMax", "Duration", "Maximum"), query("missing", "ConcurrentExecutions", "Maximum")));
		Map<String, List<Double>> values = new java.util.HashMap<>();
		for (MetricDataResult result : response.metricDataResults()) {
			values.put(result.id(), result.values());
			assertThat(result.timestamps()).hasSameSizeAs(result.values());
		}
		assertThat(values.get("invocations")).containsExactly(3.0);
		assertThat(values.get("errors")).containsExactly(1.0);
		assertThat(values.get("throttles")).containsExactly(1.0);
		assertThat(values.get("durationP50")).containsExactly(20.0);
		assertThat(values.get("durationMax")).containsExactly(30.0);
		assertThat(values.get("missing")).as("no datapoints, as on AWS").isEmpty();
	}

	@Test
	void invocationsOfARealFunctionShowInItsMetrics() {
		LambdaClient lambda = SharedCloud.client(LambdaClient.builder());
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "cw-echo", 10);
		lambda.invoke((i) -> i.functionName("cw-echo").payload(SdkBytes.fromUtf8String("{\"hello\":1}")));
		lambda.invoke((i) -> i.functionName("cw-echo").payload(SdkBytes.fromUtf8String("{\"fail\":true}")));

		Instant end = Instant.now().plusSeconds(60);
		GetMetricDataResponse response = this.cloudWatch.getMetricData((b) -> b.startTime(end.minus(Duration.ofHours(24)))
			.endTime(end).metricDataQueries(query("cw-echo", "invocations", "Invocations", "Sum"),
					query("cw-echo", "errors", "Errors", "Sum"), query("cw-echo", "duration", "Duration", "Maximum")));
		Map<String, List<Double>> values = new java.util.HashMap<>();
		response.metricDataResults().forEach((r) -> values.put(r.id(), r.values()));
		assertThat(values.get("invocations")).containsExactly(2.0);
		assertThat(values.get("errors")).containsExactly(1.0);
		assertThat(values.get("duration")).singleElement().satisfies((d) -> assertThat(d).isPositive());
		lambda.deleteFunction((d) -> d.functionName("cw-echo"));
	}

	@Test
	void customMetricsAndStatistics() {
		Instant now = Instant.now();
		this.cloudWatch.putMetricData((p) -> p.namespace("Petstore").metricData(
				(d) -> d.metricName("Orders").dimensions((dim) -> dim.name("Stage").value("dev")).value(2.0).unit(StandardUnit.COUNT).timestamp(now),
				(d) -> d.metricName("Orders").dimensions((dim) -> dim.name("Stage").value("dev")).value(5.0).unit(StandardUnit.COUNT).timestamp(now)));
		List<Datapoint> datapoints = this.cloudWatch.getMetricStatistics((g) -> g.namespace("Petstore").metricName("Orders")
			.dimensions((dim) -> dim.name("Stage").value("dev")).startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(3600))
			.period(7200).statistics(Statistic.SUM, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT)).datapoints();
		assertThat(datapoints).singleElement().satisfies((d) -> {
			assertThat(d.sum()).isEqualTo(7.0);
			assertThat(d.maximum()).isEqualTo(5.0);
			assertThat(d.sampleCount()).isEqualTo(2.0);
			assertThat(d.timestamp()).isEqualTo(now.minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		});
		assertThat(this.cloudWatch.listMetrics((l) -> l.namespace("Petstore")).metrics())
			.singleElement().satisfies((m) -> assertThat(m.metricName()).isEqualTo("Orders"));
	}

	@Test
	void badQueriesAreClientErrors() {
		Instant now = Instant.now();
		assertThatThrownBy(() -> this.cloudWatch.getMetricData((b) -> b.startTime(now).endTime(now.minusSeconds(60))
			.metricDataQueries(query("q", "Invocations", "Sum"))))
			.isInstanceOfSatisfying(CloudWatchException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
				assertThat(ex.getMessage()).contains("StartTime");
			});
		assertThatThrownBy(() -> this.cloudWatch.putMetricData((p) -> p.namespace("AWS/Lambda")
			.metricData((d) -> d.metricName("Invocations").value(1.0))))
			.isInstanceOfSatisfying(CloudWatchException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	private static MetricDataQuery query(String id, String metric, String stat) {
		return query("cw-fn", id, metric, stat);
	}

	private static MetricDataQuery query(String function, String id, String metric, String stat) {
		return MetricDataQuery.builder().id(id).metricStat((s) -> s.period(86400).stat(stat)
			.metric((m) -> m.namespace("AWS/Lambda").metricName(metric)
				.dimensions(Dimension.builder().name("FunctionName").value(function).build())))
			.build();
	}

}
