package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.ModifiedPackage;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.SampleSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample, deployed by the console to serverless-local, which runs it for real: every command,
 * then a request to the app and a look at AWS's state after each.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class ConsoleAgainstLocalCloudTest {

	private static LocalCloud cloud;

	private static LambdaClient lambda;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private ConsoleRunner runner;

	@TempDir
	Path work;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
		lambda = LambdaClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	@AfterAll
	static void stopCloud() {
		if (lambda != null) {
			lambda.close();
		}
		if (cloud != null) {
			cloud.close();
		}
	}

	@Test
	void deployCurlUpdateRollbackStatusUndeploy() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console, "local");
		String project = SamplePackage.repositoryRoot().resolve("samples/petstore").toString();
		String common = " --project " + project + " --endpoint-url " + cloud.endpoint();

		// The local stage imports its motto and API key: a given zip runs no before-package hook, so seed them.
		SampleSecrets.seed(console, common);
		Run deploy = console.run("deploy local --yes --package " + zip + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		assertThat(deploy.output()).contains("live -> version 1", "Touched ");
		String url = deploy.url();
		HttpResponse<String> hello = get(url + "/hello");
		assertThat(hello.statusCode()).as(() -> "GET /hello, function log:\n" + functionLog()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("Hello from the petstore, local stage");
		// What secrets set stored reached the app through spring.config.import (the key only as its length).
		assertThat(get(url + "/config").body()).isEqualTo(SampleSecrets.configAnswer());
		assertThat(lambda.getAlias(b -> b.functionName("petstore-local").name("live")).functionVersion()).isEqualTo("1");
		// The jars come from the shared dependency layer: the function zip holds only the app.
		assertThat(deploy.output()).contains("publish dependency layer serverless-spring-dependencies");
		assertThat(lambda.getFunctionConfiguration(b -> b.functionName("petstore-local")).layers())
			.singleElement()
			.satisfies(layer -> assertThat(layer.arn()).contains(":layer:serverless-spring-dependencies:"));
		assertThat(java.nio.file.Files.size(zip)).as("function zip").isLessThan(1024 * 1024);

		// The local stage binds shelter news on the default bus: the rule deploy made gets PutEvents to the function.
		assertThat(deploy.output()).contains("create event rule petstore-local-adopted");
		try (var events = software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			var put = events.putEvents(b -> b.entries(
					e -> e.source("petstore.shelter").detailType("PetReturned").detail("{\"petId\": 3, \"owner\": \"Carol\"}"),
					e -> e.source("petstore.shelter").detailType("PetAdopted").detail("{\"petId\": 2, \"owner\": \"Bob\"}")));
			assertThat(put.failedEntryCount()).isZero();
			String adoptedId = put.entries().get(1).eventId();
			awaitLogLine("the shelter handler's log line",
					"PetAdopted from petstore.shelter (" + adoptedId + " in us-east-1): pet 2 now lives with Bob");
			// Which rules match is decided in PutEvents: the returned pet's event was never sent to the function.
			assertThat(functionLog()).doesNotContain("Carol");
		}

		// The README's first run is clean: the local stage owns its handler's queue (serverless.events.create-queues).
		assertThat(deploy.output()).doesNotContain("NOT CONNECTED").contains("create event queue petstore-local-adoptions");
		try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			String queueUrl = sqs.getQueueUrl(b -> b.queueName("petstore-local-adoptions")).queueUrl();
			sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"petId\": 1, \"owner\": \"Alice\"}"));
			awaitLogLine("the adoption handler's log line", "Welcome, Alice! Pet 1 is yours.");
		}

		// The sample has the actuator: manage runs its health endpoint in the function.
		Run health = console.run("manage local health" + common);
		assertThat(health.exitCode()).as(health.output()).isZero();
		assertThat(health.output()).contains("UP");

		Path changed = ModifiedPackage.withResource(zip, "static/version.txt", "second release", this.work.resolve("changed.zip"));
		long received = cloud.dispatcher().bytesReceived("s3") + cloud.dispatcher().bytesReceived("lambda");
		Run update = console.run("update local --yes --package " + changed + common);
		assertThat(update.exitCode()).as(update.output()).isZero();
		long uploaded = cloud.dispatcher().bytesReceived("s3") + cloud.dispatcher().bytesReceived("lambda") - received;
		assertThat(update.output()).as("a code-only change reuses the layer").doesNotContain("publish dependency layer");
		assertThat(uploaded).as("bytes an update after a code-only change uploads: the function zip and API calls")
			.isGreaterThanOrEqualTo(java.nio.file.Files.size(changed))
			.isLessThan(java.nio.file.Files.size(changed) + 64 * 1024);
		assertThat(lambda.getAlias(b -> b.functionName("petstore-local").name("live")).functionVersion()).isEqualTo("2");
		assertThat(get(url + "/version.txt").body()).isEqualTo("second release");

		Run rollback = console.run("rollback local" + common);
		assertThat(rollback.exitCode()).as(rollback.output()).isZero();
		assertThat(lambda.getAlias(b -> b.functionName("petstore-local").name("live")).functionVersion()).isEqualTo("1");
		assertThat(get(url + "/version.txt").statusCode()).isEqualTo(404);
		assertThat(get(url + "/hello").statusCode()).isEqualTo(200);

		Run status = console.run("status local --json" + common);
		assertThat(status.exitCode()).as(status.output()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(status.output());
		assertThat(json.path("liveVersion").asString()).isEqualTo("1");
		assertThat(json.path("url").asString()).isEqualTo(url);
		assertThat(json.path("metrics24h").path("invocations").asLong()).as(status.output()).isGreaterThan(0);

		Run undeploy = console.run("undeploy local --remove-logs --yes" + common);
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		assertThat(lambda.listFunctions().functions()).isEmpty();
		assertThat(lambda.listLayerVersions(b -> b.layerName("serverless-spring-dependencies")).layerVersions())
			.as("undeploy removes the layer versions no other stage uses").isEmpty();
		assertThat(get(url + "/hello").statusCode()).isNotEqualTo(200);
		try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			assertThat(sqs.listQueues().queueUrls()).noneMatch(queue -> queue.endsWith("/petstore-local-adoptions"));
		}
	}

	/** Waits (bounded) for a line in the function's log; on time-out the failure shows the log. */
	private static void awaitLogLine(String what, String line) {
		try {
			org.awaitility.Awaitility.await(what)
				.atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> functionLog().contains(line));
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "; function log:\n" + functionLog(), ex);
		}
	}

	private static String functionLog() {
		try (var logs = software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			StringBuilder text = new StringBuilder();
			logs.filterLogEvents(b -> b.logGroupName("/aws/lambda/petstore-local"))
				.events()
				.forEach(event -> text.append(event.message()).append('\n'));
			return text.toString();
		}
		catch (RuntimeException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
