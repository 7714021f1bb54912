package io.serverlessspring.shell.events;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schedule} / {@code unschedule} end to end against the local cloud over HTTP: a deployed
 * stage gets exactly the schedules, keep-warm and event sources its manifest lists, a second run
 * changes nothing, and unschedule removes them all.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class ScheduleCommandsTest {

	private static final String FUNCTION = "petstore-prod";

	private static LocalCloud cloud;

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		cloud.close();
	}

	@Test
	void schedulesWhatTheManifestListsIdempotentlyAndUnschedulesIt() throws Exception {
		String aliasArn = deploy();
		String queueArn;
		String topicArn;
		try (SqsClient sqs = client(SqsClient.builder()); SnsClient sns = client(SnsClient.builder());
				S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
			String queueUrl = sqs.createQueue(b -> b.queueName("petstore-prod-orders")).queueUrl();
			queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
				.attributesAsStrings().get("QueueArn");
			topicArn = sns.createTopic(b -> b.name("petstore-audit")).topicArn();
			s3.createBucket(b -> b.bucket("petstore-images"));
		}
		Path zip = packageWith(this.projectDir.resolve("petstore-prod.zip"));
		new TestProject(this.projectDir).settings("application-prod.yml", "serverless:\n  function:\n    memory: 512\n");
		ConsoleDriver console = new ConsoleDriver(this.runner);
		String options = " --package " + zip + " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint();

		Run dryRun = console.run("schedule prod --dry-run" + options);
		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(dryRun.output()).contains("Dry run: nothing changed.");
		try (SchedulerClient scheduler = client(SchedulerClient.builder())) {
			assertThat(scheduler.listScheduleGroups(b -> { }).scheduleGroups()).noneMatch(g -> g.name().equals(FUNCTION));
		}

		Run first = console.run("schedule prod --yes" + options);

		assertThat(first.exitCode()).as(first.output()).isZero();
		try (SchedulerClient scheduler = client(SchedulerClient.builder()); LambdaClient lambda = client(LambdaClient.builder());
				SnsClient sns = client(SnsClient.builder()); S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
			List<String> names = scheduler.listSchedules(b -> b.groupName(FUNCTION)).schedules().stream()
				.map(ScheduleSummary::name).sorted().toList();
			assertThat(names).containsExactly("petstore-prod-keep-warm", "petstore-prod-petReportJobs.nightlyReport",
					"petstore-prod-petReportJobs.refreshCache");
			GetScheduleResponse nightly = scheduler.getSchedule(b -> b.groupName(FUNCTION).name("petstore-prod-petReportJobs.nightlyReport"));
			assertThat(nightly.scheduleExpression()).isEqualTo("cron(30 2 ? * MON-FRI *)");
			assertThat(nightly.scheduleExpressionTimezone()).isEqualTo("Europe/Paris");
			assertThat(nightly.stateAsString()).isEqualTo("ENABLED");
			assertThat(nightly.target().arn()).isEqualTo(aliasArn);
			assertThat(nightly.target().input()).contains("\"kind\":\"schedule\"").contains("petReportJobs#nightlyReport");
			assertThat(scheduler.getSchedule(b -> b.groupName(FUNCTION).name("petstore-prod-petReportJobs.refreshCache"))
				.stateAsString()).isEqualTo("DISABLED");

			List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(b -> b.functionName(aliasArn))
				.eventSourceMappings();
			assertThat(mappings).singleElement().satisfies(mapping -> {
				assertThat(mapping.eventSourceArn()).isEqualTo(queueArn);
				assertThat(mapping.batchSize()).isEqualTo(10);
				assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(5);
				assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
			});
			assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions())
				.anyMatch(s -> aliasArn.equals(s.endpoint()) && "lambda".equals(s.protocol()));
			assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("petstore-images")).lambdaFunctionConfigurations())
				.singleElement()
				.satisfies(n -> assertThat(n.lambdaFunctionArn()).isEqualTo(aliasArn));
		}

		Run second = console.run("schedule prod --yes" + options);
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).contains("are up to date");

		Run unschedule = console.run("unschedule prod --yes --project " + this.projectDir + " --endpoint-url " + cloud.endpoint());
		assertThat(unschedule.exitCode()).as(unschedule.output()).isZero();
		try (SchedulerClient scheduler = client(SchedulerClient.builder()); LambdaClient lambda = client(LambdaClient.builder());
				SnsClient sns = client(SnsClient.builder()); S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
			assertThat(scheduler.listScheduleGroups(b -> { }).scheduleGroups()).noneMatch(g -> g.name().equals(FUNCTION));
			assertThat(lambda.listEventSourceMappings(b -> b.functionName(aliasArn)).eventSourceMappings()).isEmpty();
			assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topicArn)).subscriptions())
				.noneMatch(s -> aliasArn.equals(s.endpoint()));
			assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("petstore-images")).lambdaFunctionConfigurations())
				.isEmpty();
		}
		Run again = console.run("unschedule prod --yes --project " + this.projectDir + " --endpoint-url " + cloud.endpoint());
		assertThat(again.output()).contains("nothing to remove");
	}

	@Test
	void anUndeployedStageSaysHowToDeployIt() throws Exception {
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
		Run run = new ConsoleDriver(this.runner).run("schedule dev --yes --package " + packageWith(this.projectDir.resolve("p.zip"))
				+ " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint());
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("Stage 'dev' is not deployed").contains("./serverless deploy dev");
	}

	/** What deploy leaves: role, function, live alias. */
	private static synchronized String deploy() {
		try (IamClient iam = client(IamClient.builder()); LambdaClient lambda = client(LambdaClient.builder())) {
			String role = iam.createRole(b -> b.roleName(FUNCTION + "-role").assumeRolePolicyDocument(
					"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
				.role().arn();
			lambda.createFunction(b -> b.functionName(FUNCTION).role(role).runtime("java21")
				.handler("io.serverlessspring.boot.handler.ServerlessHandler::handleRequest")
				.code(c -> c.zipFile(SdkBytes.fromByteArray(emptyZip()))));
			lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(FUNCTION));
			String version = lambda.publishVersion(b -> b.functionName(FUNCTION)).version();
			return lambda.createAlias(b -> b.functionName(FUNCTION).name(ResourceNames.ALIAS).functionVersion(version)).aliasArn();
		}
	}

	/** A package as 'package' writes it: the handler class, the manifest of the test app, the package info. */
	private Path packageWith(Path zip) throws IOException {
		String manifest = new String(getClass().getResourceAsStream("/manifests/petstore-dev.json").readAllBytes());
		// Only the sources this test creates in the local cloud.
		String sources = """
				"eventHandlers": [
				  {"id": "petOrderHandlers#onOrder", "type": "sqs", "source": "petstore-prod-orders", "batchSize": 10,
				   "batchWindowSeconds": 5, "startingPosition": null, "reportBatchItemFailures": true, "events": [],
				   "filter": null, "enabled": true},
				  {"id": "petOrderHandlers#onAudit", "type": "sns", "source": "petstore-audit", "batchWindowSeconds": 0,
				   "reportBatchItemFailures": false, "enabled": true},
				  {"id": "petImageHandlers#onUpload", "type": "s3", "source": "petstore-images", "batchWindowSeconds": 0,
				   "reportBatchItemFailures": false, "events": ["s3:ObjectCreated:*"], "filter": {"prefix": "uploads/"},
				   "enabled": true}
				],""";
		manifest = manifest.replaceAll("(?s)\"eventHandlers\": \\[.*?\\n  \\],", java.util.regex.Matcher.quoteReplacement(sources));
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			// what deploy's preflight looks for: the starter's handler (the function is never invoked here)
			String handler = io.serverlessspring.boot.handler.ServerlessHandler.class.getName().replace('.', '/') + ".class";
			archive.putNextEntry(new ZipEntry(handler));
			try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(handler)) {
				in.transferTo(archive);
			}
			archive.closeEntry();
			archive.putNextEntry(new ZipEntry("serverless-manifest.json"));
			archive.write(manifest.getBytes());
			archive.closeEntry();
			archive.putNextEntry(new ZipEntry("serverless-package-info.json"));
			archive.write(("{\"application\":\"petstore\",\"stage\":\"prod\",\"sourceDate\":\"2026-11-25T10:00:00Z\","
					+ "\"gitCommit\":null,\"gitDirty\":false,\"contentHash\":\"" + "ab".repeat(32) + "\"}").getBytes());
			archive.closeEntry();
		}
		return zip;
	}

	private static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
		return builder.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	/** A valid zip: the function is never invoked here. */
	private static byte[] emptyZip() {
		try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
				ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("serverless-package-info.json"));
			zip.write("{}".getBytes());
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
