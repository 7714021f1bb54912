package io.serverlessspring.shell.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB handlers named by table get a mapping on the table's stream, Kinesis handlers one on
 * their stream, with the role's read grants on exactly those; a table without a stream is reported
 * naming the setting that turns it on, and left alone unless its handler asks (then its stream is
 * turned on and mapped); undeploy removes the mappings (moto, real SDK).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class StreamMappingsDeployTest {

	private static final String ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live";

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
		// moto speaks Kinesis in JSON, not the SDK's default CBOR.
		System.setProperty("aws.cborEnabled", "false");
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		ConsoleDriver console = new ConsoleDriver(this.runner);
		this.sample = new WiredSample(console, SamplePackage.zip(console), this.projectDir, moto.endpoint());
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
	}

	@Test
	void aTableNameIsWiredToItsStreamAndAKinesisStreamToItsArnThenUndeployUnwiresBoth() throws Exception {
		try (DynamoDbClient dynamo = TestAwsClients.of(DynamoDbClient.builder(), moto.endpoint());
				KinesisClient kinesis = TestAwsClients.of(KinesisClient.builder(), moto.endpoint());
				LambdaClient lambda = TestAwsClients.lambda(moto.endpoint());
				IamClient iam = TestAwsClients.iam(moto.endpoint())) {
			String stream = table(dynamo, "Pets", true);
			kinesis.createStream(b -> b.streamName("adoptions").shardCount(1));
			String kinesisArn = kinesis.describeStreamSummary(b -> b.streamName("adoptions")).streamDescriptionSummary()
				.streamARN();
			String manifest = WiredSample.manifest(handler("pets#onChange", "dynamodb", "Pets", "TRIM_HORIZON"),
					handler("adoptions#on", "kinesis", "adoptions", "LATEST"));

			Run deploy = this.sample.deploy(manifest, "streams");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).doesNotContainIgnoringCase("not connected");
			assertThat(lambda.listEventSourceMappings(b -> b.functionName(ALIAS)).eventSourceMappings())
				.extracting(EventSourceMappingConfiguration::eventSourceArn)
				.containsExactlyInAnyOrder(stream, kinesisArn);
			assertThat(lambda.listEventSourceMappings(b -> b.functionName(ALIAS)).eventSourceMappings())
				.filteredOn(m -> m.eventSourceArn().equals(stream)).singleElement()
				.satisfies(m -> assertThat(m.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures"));
			String policy = URLDecoder.decode(iam.getRolePolicy(b -> b.roleName("petstore-dev-role")
				.policyName("serverless-least-privilege")).policyDocument(), StandardCharsets.UTF_8).replace(" ", "");
			assertThat(policy).contains("\"dynamodb:GetRecords\"", "\"arn:aws:dynamodb:us-east-1:123456789012:table/Pets/stream/*\"",
					"\"kinesis:GetRecords\"", "\"" + kinesisArn + "\"").doesNotContain("\"Resource\":[\"*\"]");

			this.counter.reset();
			Run again = this.sample.deploy(manifest, "streams");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();

			Run undeploy = this.sample.undeploy();
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
		}
	}

	@Test
	void aTableWithoutAStreamIsReportedAndNotWired() throws Exception {
		try (DynamoDbClient dynamo = TestAwsClients.of(DynamoDbClient.builder(), moto.endpoint());
				LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			table(dynamo, "Owners", false);

			Run deploy = this.sample.deploy(WiredSample.manifest(handler("owners#onChange", "dynamodb", "Owners", "LATEST")),
					"nostream");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).contains("event source arn:aws:dynamodb:us-east-1:123456789012:table/Owners NOT CONNECTED:"
					+ " DynamoDB table Owners has no stream; turn it on, or let deploy do it: enable-stream: true on handler owners#onChange");
			assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
			assertThat(dynamo.describeTable(b -> b.tableName("Owners")).table().latestStreamArn()).isNull();

			Run noTable = this.sample.deploy(WiredSample.manifest(handler("owners#onChange", "dynamodb", "Strays", "LATEST")),
					"notable");
			assertThat(noTable.output()).contains("event source arn:aws:dynamodb:us-east-1:123456789012:table/Strays NOT CONNECTED:"
					+ " it does not exist or has no stream");
		}
	}

	@Test
	void aHandlerAskingForTheStreamHasItTurnedOnAndMappedAndTheNextDeployChangesNothing() throws Exception {
		try (DynamoDbClient dynamo = TestAwsClients.of(DynamoDbClient.builder(), moto.endpoint());
				LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			table(dynamo, "Owners", false);
			String manifest = WiredSample.manifest(handler("owners#onChange", "dynamodb", "Owners", "LATEST")
				.replace("}", ", \"streamViewType\": \"NEW_IMAGE\"}"));

			Run deploy = this.sample.deploy(manifest, "enable");

			assertThat(deploy.exitCode()).as(deploy.output()).isZero();
			assertThat(deploy.output()).doesNotContainIgnoringCase("not connected").contains("update table stream Owners");
			var table = dynamo.describeTable(b -> b.tableName("Owners")).table();
			assertThat(table.streamSpecification().streamEnabled()).isTrue();
			assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
			assertThat(lambda.listEventSourceMappings(b -> b.functionName(ALIAS)).eventSourceMappings())
				.extracting(EventSourceMappingConfiguration::eventSourceArn).containsExactly(table.latestStreamArn());

			this.counter.reset();
			Run again = this.sample.deploy(manifest, "enable");
			assertThat(again.output()).as(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();
		}
	}

	private static String table(DynamoDbClient dynamo, String name, boolean stream) {
		return dynamo.createTable(b -> {
			b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
				.keySchema(k -> k.attributeName("id").keyType(KeyType.HASH));
			if (stream) {
				b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
			}
		}).tableDescription().latestStreamArn();
	}

	private static String handler(String id, String type, String source, String position) {
		return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"source\": \"" + source + "\", \"batchSize\": 10,"
				+ " \"batchWindowSeconds\": 0, \"startingPosition\": \"" + position + "\", \"reportBatchItemFailures\": true,"
				+ " \"events\": [], \"enabled\": true}";
	}

}
