package io.serverlessspring.shell.events;

import java.nio.file.Path;
import java.util.List;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.StageInventory;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EventBridge handlers become rules on their bus with the live alias as target and a permission
 * for exactly that rule; a changed pattern updates the rule, a removed handler removes its rule and
 * permission, undeploy leaves none; the target's dead-letter queue follows the handler's setting
 * (moto, real SDK).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class EventRulesDeployTest {

	private static final String ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live";

	private static final String ADOPTED_RULE = "arn:aws:events:us-east-1:123456789012:rule/petstore-dev-petEvents.onAdopted";

	private static final String AUDIT_RULE = "arn:aws:events:us-east-1:123456789012:rule/shelter/petstore-dev-audit.record";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	private WiredSample sample;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		ConsoleDriver console = new ConsoleDriver(this.runner);
		this.sample = new WiredSample(console, SamplePackage.zip(console), this.projectDir, moto.endpoint());
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
	}

	@Test
	void handlersBecomeRulesThatFollowTheCodeAndUndeployRemovesThem() throws Exception {
		try (EventBridgeClient events = TestAwsClients.of(EventBridgeClient.builder(), moto.endpoint());
				LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			events.createEventBus(b -> b.name("shelter"));
			String adopted = "{\"source\":[\"petstore.shelter\"],\"detail-type\":[\"PetAdopted\"]}";
			String both = WiredSample.manifest(handler("petEvents#onAdopted", "default", adopted),
					handler("audit#record", "shelter", null));
			Run deploy = this.sample.deploy(both, "wired");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("create event rule petstore-dev-petEvents.onAdopted",
					"create event rule shelter/petstore-dev-audit.record").doesNotContainIgnoringCase("not connected");
			DescribeRuleResponse rule = events.describeRule(b -> b.name("petstore-dev-petEvents.onAdopted"));
			assertThat(JSON.readTree(rule.eventPattern())).isEqualTo(JSON.readTree(adopted));
			assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
			assertThat(events.listTargetsByRule(b -> b.rule("petstore-dev-petEvents.onAdopted")).targets())
				.singleElement().satisfies(target -> assertThat(target.arn()).isEqualTo(ALIAS));
			DescribeRuleResponse audit = events.describeRule(b -> b.name("petstore-dev-audit.record").eventBusName("shelter"));
			assertThat(JSON.readTree(audit.eventPattern()).path("source").path(0).path("prefix").asString()).isEmpty();
			assertThat(events.listTargetsByRule(b -> b.rule("petstore-dev-audit.record").eventBusName("shelter")).targets())
				.extracting(target -> target.arn()).containsExactly(ALIAS);
			String policy = lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy();
			assertThat(policy).contains("events.amazonaws.com", ADOPTED_RULE, AUDIT_RULE);

			this.counter.reset();
			Run again = this.sample.deploy(both, "wired");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();

			// The code now listens for returns only, and the audit handler is gone.
			String returned = adopted.replace("PetAdopted", "PetReturned");
			this.counter.reset();
			Run changed = this.sample.deploy(WiredSample.manifest(handler("petEvents#onAdopted", "default", returned)),
					"changed");
			assertThat(changed.exitCode()).as(changed.output()).isZero();
			assertThat(changed.output()).contains("update event rule petstore-dev-petEvents.onAdopted (pattern",
					"delete event rule shelter/petstore-dev-audit.record");
			assertThat(events.describeRule(b -> b.name("petstore-dev-petEvents.onAdopted")).eventPattern())
				.contains("PetReturned").doesNotContain("PetAdopted");
			assertThat(events.listRules(b -> b.eventBusName("shelter")).rules()).isEmpty();
			// moto's RemovePermission ignores the qualifier (it edits $LATEST's policy): the call is what is checked here.
			assertThat(changed.output()).contains("delete permission serverless-events-petstore-dev-audit.record");
			assertThat(this.counter.mutations()).contains("Lambda.RemovePermission");
			assertThat(lambda.getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy()).contains(ADOPTED_RULE);

			Run undeploy = this.sample.undeploy();
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(events.listRules(b -> { }).rules()).isEmpty();
			try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", moto.endpoint(), null))) {
				assertThat(StageInventory.of(clients, "petstore-dev")).doesNotContainKey("event rule");
			}
		}
	}

	@Test
	void aHandlerOnABusThatDoesNotExistIsReportedAndNothingIsMadeForIt() throws Exception {
		try (EventBridgeClient events = TestAwsClients.of(EventBridgeClient.builder(), moto.endpoint())) {
			Run deploy = this.sample.deploy(WiredSample.manifest(handler("audit#record", "no-such-bus", null)), "missing");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("event rule petstore-dev-audit.record NOT CONNECTED: event bus no-such-bus does not exist");
			assertThat(events.listRules(b -> { }).rules()).isEmpty();
		}
	}

	@Test
	void aRuleTargetsDeadLetterQueueIsSetChangedAndRemovedWithItsSetting() throws Exception {
		try (EventBridgeClient events = TestAwsClients.of(EventBridgeClient.builder(), moto.endpoint());
				SqsClient sqs = TestAwsClients.of(SqsClient.builder(), moto.endpoint())) {
			sqs.createQueue(b -> b.queueName("adopted-dlq"));
			sqs.createQueue(b -> b.queueName("adopted-dlq-2"));
			String firstQueue = "arn:aws:sqs:us-east-1:123456789012:adopted-dlq";
			String secondQueue = "arn:aws:sqs:us-east-1:123456789012:adopted-dlq-2";
			String adopted = "{\"source\":[\"petstore.shelter\"]}";

			Run deploy = this.sample.deploy(WiredSample.manifest(withDeadLetter(handler("petEvents#onAdopted", "default", adopted),
					"adopted-dlq")), "dlq");
			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deadLetterOf(events, "petstore-dev-petEvents.onAdopted")).isEqualTo(firstQueue);

			this.counter.reset();
			Run again = this.sample.deploy(WiredSample.manifest(withDeadLetter(handler("petEvents#onAdopted", "default", adopted),
					"adopted-dlq")), "dlq");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();

			Run changed = this.sample.deploy(WiredSample.manifest(withDeadLetter(handler("petEvents#onAdopted", "default", adopted),
					secondQueue)), "dlq2");
			assertThat(changed.exitCode()).as(changed.output()).isZero();
			assertThat(changed.output()).contains("update event rule petstore-dev-petEvents.onAdopted (dead-letter queue");
			assertThat(deadLetterOf(events, "petstore-dev-petEvents.onAdopted")).isEqualTo(secondQueue);

			Run removed = this.sample.deploy(WiredSample.manifest(handler("petEvents#onAdopted", "default", adopted)), "nodlq");
			assertThat(removed.exitCode()).as(removed.output()).isZero();
			assertThat(removed.output()).contains("update event rule petstore-dev-petEvents.onAdopted (dead-letter queue");
			assertThat(deadLetterOf(events, "petstore-dev-petEvents.onAdopted")).isNull();

			Run missing = this.sample.deploy(WiredSample.manifest(withDeadLetter(handler("audit#record", "default", null),
					"no-such-dlq")), "missingdlq");
			assertThat(missing.exitCode()).as(missing.output()).isZero();
			assertThat(missing.output()).contains("event rule petstore-dev-audit.record NOT CONNECTED: its dead-letter queue"
					+ " no-such-dlq does not exist");
			assertThat(events.listRules(b -> { }).rules()).extracting(r -> r.name()).doesNotContain("petstore-dev-audit.record");
		}
	}

	@Test
	void aDeadLetterQueueThatIsNotAQueueIsRefusedNamingTheHandler() throws Exception {
		try (EventBridgeClient events = TestAwsClients.of(EventBridgeClient.builder(), moto.endpoint())) {
			Run deploy = this.sample.deploy(WiredSample.manifest(withDeadLetter(handler("audit#record", "default", null),
					"arn:aws:sns:us-east-1:123456789012:alerts")), "snsdlq");

			assertThat(deploy.exitCode()).isNotZero();
			assertThat(deploy.output()).contains("The dead-letter queue of event handler audit#record is"
					+ " arn:aws:sns:us-east-1:123456789012:alerts: an EventBridge rule target's dead-letter queue is an SQS queue");
			assertThat(events.listRules(b -> { }).rules()).isEmpty();
		}
	}

	private static String deadLetterOf(EventBridgeClient events, String rule) {
		var target = events.listTargetsByRule(b -> b.rule(rule)).targets().get(0);
		return (target.deadLetterConfig() != null) ? target.deadLetterConfig().arn() : null;
	}

	private static String withDeadLetter(String handler, String queue) {
		return handler.substring(0, handler.length() - 1) + ", \"deadLetterQueue\": \"" + queue + "\"}";
	}

	private static String handler(String id, String bus, String pattern) {
		return "{\"id\": \"" + id + "\", \"type\": \"eventbridge\", \"source\": \"" + bus + "\", \"batchWindowSeconds\": 0,"
				+ " \"reportBatchItemFailures\": false, \"events\": [], \"enabled\": true"
				+ ((pattern != null) ? ", \"filter\": " + pattern : "") + "}";
	}

}
