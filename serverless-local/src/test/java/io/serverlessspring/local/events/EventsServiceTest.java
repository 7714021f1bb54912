package io.serverlessspring.local.events;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EventsServiceTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final EventBridgeClient events = SharedCloud.client(EventBridgeClient.builder());

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	private static String functionArn;

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "events-echo", 10);
		functionArn = lambda.getFunction((g) -> g.functionName("events-echo")).configuration().functionArn();
		lambda.addPermission((p) -> p.functionName("events-echo").statementId("events").action("lambda:InvokeFunction")
			.principal("events.amazonaws.com"));
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName("events-echo"));
	}

	@Test
	void deliversPutEventsMatchingARulesPatternToItsTargets() {
		events.putRule((r) -> r.name("orders").eventPattern("{\"source\":[\"petstore\"],\"detail\":{\"status\":[{\"prefix\":\"ship\"}]}}"));
		events.putTargets((t) -> t.rule("orders").targets((target) -> target.id("fn").arn(functionArn)));
		assertThat(events.listTargetsByRule((l) -> l.rule("orders")).targets()).singleElement()
			.satisfies((t) -> assertThat(t.arn()).isEqualTo(functionArn));

		var put = events.putEvents((p) -> p.entries(
				(e) -> e.source("petstore").detailType("Order").detail("{\"status\":\"shipped\",\"order\":\"ev-1001\"}"),
				(e) -> e.source("petstore").detailType("Order").detail("{\"status\":\"cancelled\",\"order\":\"ev-1002\"}")));
		assertThat(put.failedEntryCount()).isZero();
		await().atMost(Duration.ofSeconds(30))
			.ignoreException(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/events-echo").filterPattern("ev-1001")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).contains("\"detail-type\":\"Order\"")));
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/events-echo").filterPattern("ev-1002")).events())
			.as("the cancelled order does not match the pattern").isEmpty();

		assertThatThrownBy(() -> events.deleteRule((d) -> d.name("orders"))).hasMessageContaining("has targets");
		events.removeTargets((r) -> r.rule("orders").ids("fn"));
		events.deleteRule((d) -> d.name("orders"));
		assertThatThrownBy(() -> events.describeRule((d) -> d.name("orders"))).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void keepsScheduledRulesAndRejectsBadExpressions() {
		events.putRule((r) -> r.name("keep-warm").scheduleExpression("rate(5 minutes)"));
		assertThat(events.describeRule((d) -> d.name("keep-warm")).scheduleExpression()).isEqualTo("rate(5 minutes)");
		events.disableRule((d) -> d.name("keep-warm"));
		assertThat(events.describeRule((d) -> d.name("keep-warm")).stateAsString()).isEqualTo("DISABLED");
		assertThatThrownBy(() -> events.putRule((r) -> r.name("bad").scheduleExpression("rate(0 minutes)")))
			.hasMessageContaining("ScheduleExpression");
		events.deleteRule((d) -> d.name("keep-warm"));
	}

}
