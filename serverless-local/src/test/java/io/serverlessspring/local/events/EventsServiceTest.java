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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EventsServiceTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final EventBridgeClient events = SharedCloud.client(EventBridgeClient.builder());

	private static final CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

	private static final SqsClient sqs = SharedCloud.client(SqsClient.builder());

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
	void deliversEventsOfACustomBusByItsRulesPatternsWithEventRulerOperators() {
		String bus = events.createEventBus((c) -> c.name("shelter")).eventBusArn();
		assertThat(bus).endsWith(":event-bus/shelter");
		assertThat(events.listEventBuses((l) -> { }).eventBuses()).extracting((b) -> b.name()).contains("default", "shelter");
		assertThatThrownBy(() -> events.putRule((r) -> r.name("bad").eventBusName("shelter").eventPattern("{\"detail\":{\"age\":[{\"numeric\":[\">\"]}]}}")))
			.isInstanceOf(software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException.class);
		events.putRule((r) -> r.name("adult-cats").eventBusName("shelter").eventPattern(
				"{\"source\":[\"petstore.shelter\"],\"detail\":{\"age\":[{\"numeric\":[\">=\",2]}],\"species\":[{\"anything-but\":\"dog\"}],\"chip\":[{\"exists\":true}]}}"));
		events.putTargets((t) -> t.rule("adult-cats").eventBusName("shelter").targets((target) -> target.id("fn").arn(functionArn)));
		assertThat(events.listRules((l) -> l.eventBusName("shelter")).rules()).extracting((r) -> r.arn())
			.containsExactly("arn:aws:events:us-east-1:000000000000:rule/shelter/adult-cats");
		assertThat(events.listRules((l) -> { }).rules()).extracting((r) -> r.name()).doesNotContain("adult-cats");

		var put = events.putEvents((p) -> p.entries(
				(e) -> e.eventBusName("shelter").source("petstore.shelter").detailType("PetArrived").detail("{\"age\":1,\"species\":\"cat\",\"chip\":\"bus-kitten\"}"),
				(e) -> e.eventBusName("shelter").source("petstore.shelter").detailType("PetArrived").detail("{\"age\":5,\"species\":\"dog\",\"chip\":\"bus-dog\"}"),
				(e) -> e.source("petstore.shelter").detailType("PetArrived").detail("{\"age\":5,\"species\":\"cat\",\"chip\":\"bus-default\"}"),
				(e) -> e.eventBusName(bus).source("petstore.shelter").detailType("PetArrived").detail("{\"age\":4,\"species\":\"cat\",\"chip\":\"bus-cat\"}"),
				(e) -> e.eventBusName("no-such-bus").source("petstore.shelter").detailType("PetArrived").detail("{}")));
		assertThat(put.failedEntryCount()).isEqualTo(1);
		assertThat(put.entries().get(4).errorMessage()).contains("no-such-bus");
		await().atMost(Duration.ofSeconds(30))
			.ignoreException(software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class).untilAsserted(() -> assertThat(logs
			.filterLogEvents((f) -> f.logGroupName("/aws/lambda/events-echo").filterPattern("bus-cat")).events())
			.singleElement().satisfies((e) -> assertThat(e.message()).contains("\"detail-type\":\"PetArrived\"",
					"\"source\":\"petstore.shelter\"", "\"account\":\"000000000000\"", "\"region\":\"us-east-1\"",
					"\"resources\":[]", "\"version\":\"0\"")));
		// Matching is decided in PutEvents: the others were never sent.
		for (String chip : new String[] { "bus-kitten", "bus-dog", "bus-default" }) {
			assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/events-echo").filterPattern(chip)).events())
				.as(chip).isEmpty();
		}

		events.removeTargets((r) -> r.rule("adult-cats").eventBusName("shelter").ids("fn"));
		events.deleteRule((d) -> d.name("adult-cats").eventBusName("shelter"));
		events.deleteEventBus((d) -> d.name("shelter"));
		assertThat(events.listEventBuses((l) -> { }).eventBuses()).extracting((b) -> b.name()).containsExactly("default");
	}

	@Test
	void sendsAnEventItsTargetMayNotTakeToTheTargetsDeadLetterQueue() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "events-unpermitted", 10);
		String unpermitted = lambda.getFunction((g) -> g.functionName("events-unpermitted")).configuration().functionArn();
		String queueUrl = sqs.createQueue((c) -> c.queueName("events-dlq")).queueUrl();
		String queueArn = sqs.getQueueAttributes((g) -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
			.attributes().get(QueueAttributeName.QUEUE_ARN);
		events.putRule((r) -> r.name("unpermitted").eventPattern("{\"source\":[\"petstore.dlq\"]}"));
		assertThatThrownBy(() -> events.putTargets((t) -> t.rule("unpermitted").targets((target) -> target.id("fn").arn(unpermitted)
			.deadLetterConfig((d) -> d.arn(functionArn))))).hasMessageContaining("DeadLetterConfig.Arn");
		events.putTargets((t) -> t.rule("unpermitted").targets((target) -> target.id("fn").arn(unpermitted)
			.deadLetterConfig((d) -> d.arn(queueArn))));
		assertThat(events.listTargetsByRule((l) -> l.rule("unpermitted")).targets()).singleElement()
			.satisfies((t) -> assertThat(t.deadLetterConfig().arn()).isEqualTo(queueArn));

		events.putEvents((p) -> p.entries((e) -> e.source("petstore.dlq").detailType("Lost").detail("{\"marker\":\"dlq-1\"}")));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sqs.receiveMessage((r) -> r.queueUrl(queueUrl)
			.waitTimeSeconds(1)).messages()).singleElement().satisfies((m) -> assertThat(m.body())
				.contains("\"detail-type\":\"Lost\"", "\"marker\":\"dlq-1\"")));

		events.removeTargets((r) -> r.rule("unpermitted").ids("fn"));
		events.deleteRule((d) -> d.name("unpermitted"));
		lambda.deleteFunction((d) -> d.functionName("events-unpermitted"));
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
