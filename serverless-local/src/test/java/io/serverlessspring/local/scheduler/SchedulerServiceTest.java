package io.serverlessspring.local.scheduler;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SchedulerServiceTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final SchedulerClient scheduler = SharedCloud.client(SchedulerClient.builder());

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	private static String functionArn;

	private static String roleArn;

	@BeforeAll
	static void deploy() {
		IamClient iam = SharedCloud.client(IamClient.builder());
		TestFunctions.deployEcho(lambda, iam, "scheduled-echo", 10);
		functionArn = lambda.getFunction((g) -> g.functionName("scheduled-echo")).configuration().functionArn();
		roleArn = TestFunctions.role(iam);
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("scheduled-echo"));
	}

	@Test
	void firesAOneTimeScheduleInItsTimeZoneWithSchedulersContextAttributes() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		String when = LocalDateTime.now(paris).plusSeconds(5).truncatedTo(ChronoUnit.SECONDS)
			.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		scheduler.createSchedule((c) -> c.name("soon").scheduleExpression("at(" + when + ")")
			.scheduleExpressionTimezone("Europe/Paris").flexibleTimeWindow((f) -> f.mode(FlexibleTimeWindowMode.OFF))
			.target((t) -> t.arn(functionArn).roleArn(roleArn)
				.input("{\"serverless\":{\"kind\":\"schedule\",\"id\":\"at-test\",\"scheduledTime\":\"<aws.scheduler.scheduled-time>\"}}")));
		assertThat(scheduler.getSchedule((g) -> g.name("soon")).state()).isEqualTo(ScheduleState.ENABLED);
		await().atMost(Duration.ofSeconds(30))
			.ignoreException(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/scheduled-echo").filterPattern("at-test")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).doesNotContain("<aws.scheduler").contains("\"scheduledTime\":\"20")));
		scheduler.deleteSchedule((d) -> d.name("soon"));
	}

	@Test
	void refusesDuplicatesBadExpressionsAndUnknownSchedules() {
		scheduler.createSchedule((c) -> c.name("nightly").scheduleExpression("cron(0 3 * * ? *)")
			.flexibleTimeWindow((f) -> f.mode(FlexibleTimeWindowMode.OFF)).target((t) -> t.arn(functionArn).roleArn(roleArn)));
		assertThatThrownBy(() -> scheduler.createSchedule((c) -> c.name("nightly").scheduleExpression("cron(0 3 * * ? *)")
			.flexibleTimeWindow((f) -> f.mode(FlexibleTimeWindowMode.OFF)).target((t) -> t.arn(functionArn).roleArn(roleArn))))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> scheduler.createSchedule((c) -> c.name("broken").scheduleExpression("cron(0 3 * * * *)")
			.flexibleTimeWindow((f) -> f.mode(FlexibleTimeWindowMode.OFF)).target((t) -> t.arn(functionArn).roleArn(roleArn))))
			.isInstanceOf(ValidationException.class).hasMessageContaining("cron(0 3 * * * *)");
		assertThat(scheduler.listSchedules((l) -> l.namePrefix("night")).schedules()).singleElement()
			.satisfies((s) -> assertThat(s.target().arn()).isEqualTo(functionArn));
		scheduler.deleteSchedule((d) -> d.name("nightly"));
		assertThatThrownBy(() -> scheduler.getSchedule((g) -> g.name("nightly"))).isInstanceOf(ResourceNotFoundException.class);
	}

}
