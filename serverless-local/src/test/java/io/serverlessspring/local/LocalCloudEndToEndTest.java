package io.serverlessspring.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.lambda.LambdaService;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's real package, deployed with raw SDK calls as the console does: code in S3, a version
 * and alias, an HTTP API in front, a schedule; then curl, a schedule firing, the logs, and teardown.
 */
class LocalCloudEndToEndTest {

	private static final String FUNCTION = "petstore-e2e";

	private final LambdaClient lambda = SharedCloud.client(LambdaClient.builder()
		.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofSeconds(90))));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void deploysThePetstoreCallsItOverHttpSeesItsScheduleFireReadsItsLogsAndDeletesIt() throws Exception {
		byte[] zip = Files.readAllBytes(petstoreZip());
		IamClient iam = SharedCloud.client(IamClient.builder());
		S3Client s3 = SharedCloud.client(S3Client.builder().forcePathStyle(true));
		ApiGatewayV2Client apigateway = SharedCloud.client(ApiGatewayV2Client.builder());
		SchedulerClient scheduler = SharedCloud.client(SchedulerClient.builder());
		CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());

		// deploy: package to S3, function, version + alias, permission, HTTP API
		s3.createBucket((b) -> b.bucket("petstore-e2e-deployments"));
		s3.putObject((p) -> p.bucket("petstore-e2e-deployments").key("petstore-lambda.zip"), RequestBody.fromBytes(zip));
		String role = TestFunctions.role(iam);
		this.lambda.createFunction((c) -> c.functionName(FUNCTION).runtime(Runtime.JAVA17).role(role)
			.handler("io.serverlessspring.boot.handler.ServerlessHandler::handleRequest").memorySize(1024).timeout(60)
			.code((code) -> code.s3Bucket("petstore-e2e-deployments").s3Key("petstore-lambda.zip")));
		this.lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName(FUNCTION));
		String version = this.lambda.publishVersion((p) -> p.functionName(FUNCTION)).version();
		String aliasArn = this.lambda.createAlias((a) -> a.functionName(FUNCTION).name("live").functionVersion(version)).aliasArn();
		this.lambda.addPermission((p) -> p.functionName(FUNCTION).qualifier("live").statementId("apigateway")
			.action("lambda:InvokeFunction").principal("apigateway.amazonaws.com"));
		var api = apigateway.createApi((c) -> c.name(FUNCTION).protocolType(ProtocolType.HTTP));
		String integration = apigateway.createIntegration((i) -> i.apiId(api.apiId()).integrationType(IntegrationType.AWS_PROXY)
			.integrationUri(aliasArn).payloadFormatVersion("2.0")).integrationId();
		apigateway.createRoute((r) -> r.apiId(api.apiId()).routeKey("$default").target("integrations/" + integration));
		apigateway.createStage((s) -> s.apiId(api.apiId()).stageName("$default").autoDeploy(true));

		// curl the HTTP API (the first request starts the function's JVM and Spring)
		HttpResponse<String> hello = this.http.send(HttpRequest.newBuilder(URI.create(api.apiEndpoint() + "/hello"))
			.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).contains("Hello from the petstore");
		HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(URI.create(api.apiEndpoint() + "/pets"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rex\",\"species\":\"dog\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("content-type")).hasValueSatisfying((t) -> assertThat(t).contains("json"));
		HttpResponse<String> pets = this.http.send(HttpRequest.newBuilder(URI.create(api.apiEndpoint() + "/pets")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(pets.body()).contains("\"name\":\"Rex\"");

		// a schedule firing every minute (its period) in Paris time, with the console's envelope
		scheduler.createSchedule((c) -> c.name(FUNCTION + "-stock-report").scheduleExpression("cron(* * * * ? *)")
			.scheduleExpressionTimezone("Europe/Paris").flexibleTimeWindow((f) -> f.mode(FlexibleTimeWindowMode.OFF))
			.target((t) -> t.arn(aliasArn).roleArn(role).input("{\"serverless\":{\"kind\":\"schedule\","
					+ "\"id\":\"stockReport#morningReport\",\"scheduleArn\":\"<aws.scheduler.schedule-arn>\","
					+ "\"scheduledTime\":\"<aws.scheduler.scheduled-time>\",\"executionId\":\"<aws.scheduler.execution-id>\"}}")));
		await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1)).ignoreException(ResourceNotFoundException.class)
			.untilAsserted(() -> assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/" + FUNCTION)
				.filterPattern("\"Stock report\"")).events()).isNotEmpty());

		// the logs: Lambda's lines around the app's own
		assertThat(logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/" + FUNCTION).filterPattern("REPORT")).events())
			.extracting(FilteredLogEvent::message).anySatisfy((m) -> assertThat(m).contains("Init Duration"))
			.allSatisfy((m) -> assertThat(m).contains("Memory Size: 1024 MB"));

		// teardown
		scheduler.deleteSchedule((d) -> d.name(FUNCTION + "-stock-report"));
		apigateway.deleteApi((d) -> d.apiId(api.apiId()));
		this.lambda.deleteFunction((d) -> d.functionName(FUNCTION));
		assertThat(this.lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName).doesNotContain(FUNCTION);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				SharedCloud.cloud().service(LambdaService.class).invoker().environmentCount(FUNCTION)).isZero());
		assertThat(this.http.send(HttpRequest.newBuilder(URI.create(api.apiEndpoint() + "/hello")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
	}

	/** The petstore zip, a test-scope dependency ({@code petstore:zip:lambda}) whose path the build passes in. */
	private static Path petstoreZip() throws IOException {
		String path = System.getProperty("serverless-local.petstore-zip");
		if (path == null || path.startsWith("${") || !Files.isRegularFile(Path.of(path))) {
			throw new IOException("The petstore Lambda zip (io.serverlessspring:petstore:zip:lambda) was not found (" + path
					+ "); build it first: mvn -pl samples/petstore -am install -DskipTests");
		}
		return Path.of(path);
	}

}
