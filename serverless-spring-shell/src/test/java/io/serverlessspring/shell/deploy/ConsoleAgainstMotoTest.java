package io.serverlessspring.shell.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.ModifiedPackage;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every stage command over HTTP with the real AWS SDK against moto (strict request validation; it
 * runs no code, so these are control-plane assertions: what exists in AWS after each command).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, ConsoleAgainstMotoTest.Hooks.class },
		properties = "spring.shell.interactive.enabled=false")
class ConsoleAgainstMotoTest {

	private static final String FUNCTION = "petstore-dev";

	private static final String ACCOUNT = "123456789012";

	private static MotoServer moto;

	@Autowired
	private ConsoleRunner runner;

	@Autowired
	private MutationCounter counter;

	@Autowired
	private Hooks hooks;

	@TempDir
	Path projectDir;

	private ConsoleDriver console;

	private TestProject project;

	private Path zip;

	private LambdaClient lambda;

	private IamClient iam;

	private ApiGatewayV2Client apis;

	private S3Client s3;

	private SchedulerClient scheduler;

	private CloudWatchLogsClient logs;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		this.console = new ConsoleDriver(this.runner);
		this.zip = SamplePackage.zip(this.console);
		this.project = new TestProject(this.projectDir).settings("application-dev.yml", """
				serverless:
				  function:
				    memory: 512
				    environment:
				      DB_PASSWORD: hunter2
				      GREETING: hello
				  deploy:
				    retained-versions: 3
				""");
		StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
		this.lambda = LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.apis = ApiGatewayV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.scheduler = SchedulerClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.logs = CloudWatchLogsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials).build();
		this.hooks.failAfter.set(null);
		this.counter.reset();
	}

	@AfterEach
	void closeClients() {
		if (this.lambda != null) {
			List.of(this.lambda, this.iam, this.apis, this.s3, this.scheduler, this.logs).forEach(c -> c.close());
		}
	}

	@Test
	void deployCreatesTheStageAndAnIdenticalSecondDeployMakesNoWriteCalls() {
		Run first = deploy("deploy dev");
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("+ create function petstore-dev", "Deployed petstore-dev: live -> version 1");

		GetFunctionResponse function = this.lambda.getFunction(b -> b.functionName(FUNCTION));
		FunctionConfiguration configuration = function.configuration();
		assertThat(configuration.runtimeAsString()).isEqualTo("java25");
		// SnapStart is on by default, read back from the server; the runtime's own JVM flags apply
		assertThat(configuration.snapStart().applyOnAsString()).isEqualTo("PublishedVersions");
		assertThat(this.lambda.getFunctionConfiguration(b -> b.functionName(FUNCTION).qualifier("live"))
			.snapStart().optimizationStatusAsString()).isEqualTo("On");
		assertThat(configuration.handler()).isEqualTo("io.serverlessspring.boot.handler.ServerlessHandler::handleRequest");
		assertThat(configuration.memorySize()).isEqualTo(512);
		assertThat(configuration.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/petstore-dev-role");
		assertThat(configuration.environment().variables()).containsEntry("SERVERLESS_STAGE", "dev")
			.containsEntry("GREETING", "hello");
		assertThat(function.tags()).containsEntry("serverless:stage", "dev").containsEntry("serverless:app", "petstore");
		assertThat(this.lambda.getAlias(b -> b.functionName(FUNCTION).name("live")).functionVersion()).isEqualTo("1");

		// Least privilege: the role may write its own log group and nothing else.
		String policy = java.net.URLDecoder.decode(this.iam
			.getRolePolicy(b -> b.roleName("petstore-dev-role").policyName("serverless-least-privilege"))
			.policyDocument(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(policy).contains("logs:PutLogEvents", "log-group:/aws/lambda/petstore-dev:*").doesNotContain("\"*\"");

		Api api = singleApi();
		assertThat(this.apis.getIntegrations(b -> b.apiId(api.apiId())).items()).singleElement()
			.satisfies(i -> assertThat(i.integrationUri()).endsWith(":function:petstore-dev:live"));
		assertThat(this.apis.getRoutes(b -> b.apiId(api.apiId())).items()).extracting(r -> r.routeKey()).containsExactly("$default");
		assertThat(this.lambda.getPolicy(b -> b.functionName(FUNCTION).qualifier("live")).policy())
			.contains("apigateway.amazonaws.com", api.apiId());
		assertThat(this.logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/petstore-dev")).logGroups())
			.singleElement().satisfies(g -> assertThat(g.retentionInDays()).isEqualTo(30));
		assertThat(this.scheduler.getSchedule(b -> b.groupName(FUNCTION).name("petstore-dev-keep-warm")).scheduleExpression())
			.isEqualTo("rate(4 minutes)");

		this.counter.reset();
		Run second = deploy("deploy dev");
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).contains("nothing to change");
		assertThat(this.counter.mutations()).as("write calls of an identical deploy").isEmpty();
		assertThat(this.counter.calls()).isNotEmpty();
	}

	@Test
	void deployKeepsVariablesSetOutsideTheToolAndRemovesItsOwnThatAreNoLongerWanted() {
		assertThat(deploy("deploy dev").exitCode()).isZero();
		// Someone sets a variable in the Lambda console (the whole map is replaced there too).
		Map<String, String> edited = new java.util.LinkedHashMap<>(
				this.lambda.getFunctionConfiguration(b -> b.functionName(FUNCTION)).environment().variables());
		edited.put("FEATURE_FLAG", "on");
		this.lambda.updateFunctionConfiguration(b -> b.functionName(FUNCTION).environment(e -> e.variables(edited)));
		this.project.settings("application-dev.yml", """
				serverless:
				  function:
				    memory: 512
				    environment:
				      DB_PASSWORD: hunter3
				  deploy:
				    retained-versions: 3
				""");

		Run redeploy = deploy("deploy dev");

		assertThat(redeploy.exitCode()).as(redeploy.output()).isZero();
		assertThat(redeploy.output()).contains("environment").doesNotContain("FEATURE_FLAG");
		Map<String, String> variables = this.lambda.getFunctionConfiguration(b -> b.functionName(FUNCTION)).environment()
			.variables();
		assertThat(variables).containsEntry("FEATURE_FLAG", "on").containsEntry("DB_PASSWORD", "hunter3")
			.containsEntry("SERVERLESS_STAGE", "dev").doesNotContainKey("GREETING");
		assertThat(variables.get("SERVERLESS_MANAGED_ENV")).contains("DB_PASSWORD").doesNotContain("FEATURE_FLAG");
		this.counter.reset();
		assertThat(deploy("deploy dev").output()).contains("nothing to change");
	}

	@Test
	void updateRollbackStatusAndUndeployLeaveAwsAsExpected() throws Exception {
		assertThat(deploy("deploy dev").exitCode()).isZero();
		Path changed = ModifiedPackage.withResource(this.zip, "static/version.txt", "2",
				this.projectDir.resolve("target/changed.zip"));
		Run update = this.console.run(line("update dev", changed));
		assertThat(update.exitCode()).as(update.output()).isZero();
		assertThat(update.output()).contains("~ update function code petstore-dev", "live -> version 2");
		assertThat(alias()).isEqualTo("2");
		assertThat(this.lambda.getFunction(b -> b.functionName(FUNCTION)).configuration().codeSha256())
			.isEqualTo(java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
				.digest(java.nio.file.Files.readAllBytes(changed))));

		Run rollback = this.console.run(common("rollback dev"));
		assertThat(rollback.exitCode()).as(rollback.output()).isZero();
		assertThat(rollback.output()).contains("live 2 -> 1");
		assertThat(alias()).isEqualTo("1");
		assertThat(this.console.run(common("rollback dev --to 2")).exitCode()).isZero();
		assertThat(alias()).isEqualTo("2");
		Run tooFar = this.console.run(common("rollback dev -n 5"));
		assertThat(tooFar.exitCode()).isNotZero();
		assertThat(tooFar.output()).contains("Cannot go back 5 version(s) from version 2");
		assertThat(alias()).isEqualTo("2");

		Run status = this.console.run(common("status dev --json"));
		assertThat(status.exitCode()).as(status.output()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(status.output());
		assertThat(json.path("deployed").asBoolean()).isTrue();
		assertThat(json.path("liveVersion").asString()).isEqualTo("2");
		assertThat(json.path("url").asString()).isEqualTo(singleApi().apiEndpoint());
		assertThat(json.path("configuration").path("environment").path("DB_PASSWORD").asString()).isEqualTo("****");
		assertThat(json.path("configuration").path("environment").path("GREETING").asString()).isEqualTo("hello");
		assertThat(json.path("schedules").get(0).path("state").asString()).isEqualTo("ENABLED");
		// moto does not speak CloudWatch's CBOR protocol: status still answers and says why metrics are missing.
		assertThat(json.path("metrics24h").path("unavailable").asString()).contains("CloudWatch");

		Run undeploy = this.console.run(common("undeploy dev --yes"));
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		assertThat(this.lambda.listFunctions().functions()).isEmpty();
		assertThat(this.apis.getApis().items()).isEmpty();
		assertThatThrownBy(() -> this.iam.getRole(b -> b.roleName("petstore-dev-role"))).isInstanceOf(NoSuchEntityException.class);
		assertThatThrownBy(() -> this.iam.getRole(b -> b.roleName("petstore-dev-scheduler"))).isInstanceOf(NoSuchEntityException.class);
		assertThat(this.scheduler.listScheduleGroups(b -> { }).scheduleGroups()).extracting(g -> g.name()).doesNotContain(FUNCTION);
		assertThat(this.s3.listBuckets().buckets()).isEmpty();
		assertThat(this.logs.describeLogGroups().logGroups()).hasSize(1);

		Run logsToo = this.console.run(common("undeploy dev --remove-logs --yes"));
		assertThat(logsToo.exitCode()).as(logsToo.output()).isZero();
		assertThat(this.logs.describeLogGroups().logGroups()).isEmpty();
	}

	@Test
	void aDeployStoppedBetweenTwoStepsIsCompletedByTheNextWithoutDuplicates() {
		this.hooks.failAfter.set("create function");
		Run broken = deploy("deploy dev");
		assertThat(broken.exitCode()).isNotZero();
		assertThat(broken.output()).contains("stopped after create function petstore-dev");
		assertThat(this.lambda.listVersionsByFunction(b -> b.functionName(FUNCTION)).versions()).hasSize(1);

		this.hooks.failAfter.set(null);
		Run resumed = deploy("deploy dev");
		assertThat(resumed.exitCode()).as(resumed.output()).isZero();
		assertThat(resumed.output()).doesNotContain("create function", "create role");
		assertThat(this.lambda.listFunctions().functions()).hasSize(1);
		assertThat(this.lambda.listVersionsByFunction(b -> b.functionName(FUNCTION)).versions())
			.extracting(FunctionConfiguration::version)
			.containsExactly("$LATEST", "1");
		assertThat(alias()).isEqualTo("1");
		singleApi();

		this.counter.reset();
		assertThat(deploy("deploy dev").output()).contains("nothing to change");
		assertThat(this.counter.mutations()).isEmpty();
	}

	@Test
	void rollbackReadsEveryPageOfVersions() {
		assertThat(deploy("deploy dev").exitCode()).isZero();
		// Past Lambda's page size (50): Zappa's rollback only ever saw the first page.
		for (int i = 0; i < 60; i++) {
			String description = "release " + i;
			this.lambda.updateFunctionConfiguration(b -> b.functionName(FUNCTION).description(description));
			this.lambda.publishVersion(b -> b.functionName(FUNCTION));
		}
		List<String> versions = new java.util.ArrayList<>();
		this.lambda.listVersionsByFunctionPaginator(b -> b.functionName(FUNCTION))
			.versions()
			.forEach(v -> versions.add(v.version()));
		String newest = versions.get(versions.size() - 1);
		assertThat(Integer.parseInt(newest)).isGreaterThan(50);
		assertThat(this.console.run(common("rollback dev --to " + newest)).exitCode()).isZero();
		assertThat(alias()).isEqualTo(newest);
		Run back = this.console.run(common("rollback dev -n " + (Integer.parseInt(newest) - 1)));
		assertThat(back.exitCode()).as(back.output()).isZero();
		assertThat(alias()).isEqualTo("1");
	}

	@Test
	void eventSourcesAndTaskResourcesFromTheManifestAreWiredAndRemoved() throws Exception {
		StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
		try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1).credentialsProvider(credentials).build();
				var sns = software.amazon.awssdk.services.sns.SnsClient.builder().endpointOverride(moto.endpoint())
					.region(Region.US_EAST_1).credentialsProvider(credentials).build();
				var dynamo = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().endpointOverride(moto.endpoint())
					.region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
			sqs.createQueue(b -> b.queueName("orders"));
			String topic = sns.createTopic(b -> b.name("refunds")).topicArn();
			// An earlier deploy stopped between CreateTable and UpdateTimeToLive: the next one completes it.
			dynamo.createTable(b -> b.tableName("petstore-dev-responses")
				.billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
				.attributeDefinitions(a -> a.attributeName("taskId")
					.attributeType(software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
				.keySchema(k -> k.attributeName("taskId").keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH)));
			String manifest = """
					{"formatVersion": 1, "keepWarm": {"enabled": false},
					 "eventHandlers": [
					   {"id": "orders#on", "type": "sqs", "source": "orders", "batchSize": 5, "batchWindowSeconds": 0,
					    "reportBatchItemFailures": true, "events": [], "enabled": true,
					    "filter": {"body": {"kind": ["adoption"]}}},
					   {"id": "refunds#on", "type": "sns", "source": "refunds", "batchWindowSeconds": 0,
					    "reportBatchItemFailures": false, "events": [], "enabled": true}],
					 "tasks": [{"id": "mailer#send(java.lang.String)", "source": "sqs", "captureResponse": false}],
					 "taskResources": {"snsTopic": null, "sqsQueue": "petstore-dev-tasks", "responseTable": "petstore-dev-responses",
					   "responseTtlSeconds": 86400}}
					""";
			Path wired = ModifiedPackage.withEntry(this.zip, "serverless-manifest.json", manifest,
					this.projectDir.resolve("target/wired.zip"));
			Run deploy = this.console.run(line("deploy dev", wired));
			assertThat(deploy.exitCode()).as(deploy.output()).isZero();

			String alias = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + FUNCTION + ":live";
			assertThat(this.lambda.listEventSourceMappings(b -> b.functionName(alias)).eventSourceMappings())
				.extracting(m -> m.eventSourceArn())
				.containsExactlyInAnyOrder("arn:aws:sqs:us-east-1:" + ACCOUNT + ":orders",
						"arn:aws:sqs:us-east-1:" + ACCOUNT + ":petstore-dev-tasks");
			assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
				.extracting(subscription -> subscription.endpoint()).containsExactly(alias);
			assertThat(dynamo.describeTable(b -> b.tableName("petstore-dev-responses")).table().keySchema())
				.extracting(k -> k.attributeName()).containsExactly("taskId");
			assertThat(deploy.output()).contains("task table petstore-dev-responses");
			var ttl = dynamo.describeTimeToLive(b -> b.tableName("petstore-dev-responses")).timeToLiveDescription();
			assertThat(ttl.attributeName()).isEqualTo("expiresAt");
			assertThat(ttl.timeToLiveStatusAsString()).isIn("ENABLED", "ENABLING");
			assertThat(this.lambda.getFunction(b -> b.functionName(FUNCTION)).configuration().environment().variables())
				.containsKey("SERVERLESS_TASKS_SQSQUEUEURL");
			String policy = java.net.URLDecoder.decode(this.iam
				.getRolePolicy(b -> b.roleName("petstore-dev-role").policyName("serverless-least-privilege"))
				.policyDocument(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(policy).contains("sqs:ReceiveMessage", ":orders", "dynamodb:PutItem", "table/petstore-dev-responses");

			assertThat(this.lambda.listEventSourceMappings(b -> b.functionName(alias)).eventSourceMappings())
				.filteredOn(m -> m.eventSourceArn().endsWith(":orders")).singleElement()
				.satisfies(m -> assertThat(m.filterCriteria().filters()).singleElement()
					.satisfies(f -> assertThat(f.pattern()).contains("adoption")));

			this.counter.reset();
			Run again = this.console.run(line("deploy dev", wired));
			assertThat(again.output()).contains("nothing to change");
			assertThat(this.counter.mutations()).isEmpty();

			// The filter changes in the code: the plan says so and the mapping follows.
			Path refiltered = ModifiedPackage.withEntry(this.zip, "serverless-manifest.json",
					manifest.replace("\"adoption\"", "\"return\""), this.projectDir.resolve("target/refiltered.zip"));
			Run changed = this.console.run(line("deploy dev", refiltered));
			assertThat(changed.exitCode()).as(changed.output()).isZero();
			assertThat(changed.output()).contains("update event source mapping").contains("filter");
			assertThat(this.lambda.listEventSourceMappings(b -> b.functionName(alias)).eventSourceMappings())
				.filteredOn(m -> m.eventSourceArn().endsWith(":orders")).singleElement()
				.satisfies(m -> assertThat(m.filterCriteria().filters()).singleElement()
					.satisfies(f -> assertThat(f.pattern()).contains("return").doesNotContain("adoption")));

			Run undeploy = this.console.run(common("undeploy dev --yes"));
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(this.lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
			assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
			assertThat(dynamo.listTables().tableNames()).doesNotContain("petstore-dev-responses");
			assertThat(sqs.listQueues().queueUrls()).noneMatch(url -> url.endsWith("petstore-dev-tasks"))
				.anyMatch(url -> url.endsWith("/orders"));
		}
	}

	@Test
	void switchingTheFrontToAFunctionUrlRemovesTheApi() {
		assertThat(deploy("deploy dev").exitCode()).isZero();
		this.project.settings("application-dev.yml", """
				serverless:
				  http:
				    type: function-url
				""");
		Run switched = deploy("deploy dev");
		assertThat(switched.exitCode()).as(switched.output()).isZero();
		assertThat(this.apis.getApis().items()).isEmpty();
		assertThat(this.lambda.getFunctionUrlConfig(b -> b.functionName(FUNCTION).qualifier("live")).authTypeAsString())
			.isEqualTo("NONE");
		assertThat(this.lambda.getPolicy(b -> b.functionName(FUNCTION).qualifier("live")).policy())
			.contains("lambda:InvokeFunctionUrl").doesNotContain("apigateway.amazonaws.com");
	}

	@Test
	void dryRunPrintsThePlanAndChangesNothing() {
		Run dryRun = this.console.run(line("deploy dev --dry-run", this.zip));
		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(dryRun.output()).contains("+ create role petstore-dev-role", "+ create function petstore-dev");
		assertThat(this.counter.mutations()).isEmpty();
		assertThat(this.lambda.listFunctions().functions()).isEmpty();
	}

	@Test
	void badInputIsASpecificErrorAndChangesNothing() {
		Run unknownStage = deploy("deploy staging");
		assertThat(unknownStage.exitCode()).isNotZero();
		assertThat(unknownStage.output()).contains("Unknown stage 'staging'", "Stages of this project: dev");

		this.project.settings("application-dev.yml", "serverless:\n  function:\n    timeout: 901\n");
		Run badTimeout = deploy("deploy dev");
		assertThat(badTimeout.exitCode()).isNotZero();
		assertThat(badTimeout.output()).contains("serverless.function.timeout = 901 is not valid: expected 1 to 900");

		this.project.settings("application-dev.yml", "serverless:\n  function:\n    timeout: 60\n");
		Run noConfirmation = this.console.run(line("deploy dev", this.zip).replace(" --yes", ""));
		// No terminal and no --yes: a usage error a script notices (issue 13.6), never a silent success.
		assertThat(noConfirmation.exitCode()).isEqualTo(2);
		assertThat(noConfirmation.output()).contains("Nothing changed", "pass --yes");
		assertThat(this.counter.mutations()).isEmpty();
	}

	private Run deploy(String command) {
		return this.console.run(line(command, this.zip));
	}

	private String line(String command, Path zip) {
		return common(command) + " --yes --package " + zip;
	}

	private String common(String command) {
		return command + " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
	}

	private String alias() {
		return this.lambda.getAlias(b -> b.functionName(FUNCTION).name("live")).functionVersion();
	}

	private Api singleApi() {
		List<Api> items = this.apis.getApis().items();
		assertThat(items).as("HTTP APIs").hasSize(1);
		return items.get(0);
	}

	@TestConfiguration
	static class Hooks {

		/** When set, the deploy stops with an error right after the change whose text starts with it. */
		final AtomicReference<String> failAfter = new AtomicReference<>();

		@Bean
		MutationCounter mutationCounter() {
			return new MutationCounter();
		}

		@Bean
		Executor.ChangeListener stopAfterChange() {
			return (change, index) -> {
				String prefix = this.failAfter.get();
				if (prefix != null && change.describe().startsWith(prefix)) {
					throw new IllegalStateException("stopped after " + change.describe());
				}
			};
		}

	}

}
