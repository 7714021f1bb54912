package io.serverlessspring.boot.snapstart;

import java.util.List;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.snapstart.PrimingReport.PrimedRequest;
import io.serverlessspring.boot.snapstart.testapp.PrimedApplication;
import io.serverlessspring.boot.snapstart.testapp.PrimedController;
import io.serverlessspring.boot.snapstart.testapp.PrimedHandlers;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.RecordingLambdaEndpoint;
import io.serverlessspring.boot.tasks.TaskAwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The SnapStart hooks of a web app started by the real handler as Lambda initialises it for a
 * snapshot. No CRaC JVM here: the hooks are called as Lambda's CRaC context calls them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SnapStartHooksTest {

	private static RecordingLambdaEndpoint lambda;

	private static ServerlessHandler handler;

	private static ConfigurableApplicationContext context;

	private SnapStartHooks hooks;

	private PrimedController controller;

	private PrimedHandlers handlers;

	@BeforeAll
	static void start() throws Exception {
		lambda = RecordingLambdaEndpoint.start();
		// The SDK's standard endpoint resolution, as AWS_ENDPOINT_URL_LAMBDA would do.
		System.setProperty("aws.endpointUrlLambda", lambda.uri().toString());
		handler = new ServerlessHandler(PrimedApplication.class);
		context = handler.application().context();
	}

	@AfterAll
	static void stop() {
		lambda.close();
		System.clearProperty("aws.endpointUrlLambda");
	}

	@BeforeEach
	void beans() {
		this.hooks = context.getBean(SnapStartHooks.class);
		this.controller = context.getBean(PrimedController.class);
		this.handlers = context.getBean(PrimedHandlers.class);
		this.controller.clear();
		lambda.clear();
	}

	@AfterEach
	void dropTaskClients() {
		System.clearProperty("aws.region");
		context.getBean(TaskAwsClients.class).evict();
	}

	@Test
	void isRegisteredWithCracWhenLambdaInitialisesForASnapshot() {
		assertThat(this.hooks.isRegistered()).isTrue();
	}

	@Test
	void beforeCheckpointServesEachPrimePathThroughTheWholeHttpPathOfTheApp(CapturedOutput output) {
		int before = output.length();
		this.hooks.beforeCheckpoint(null);

		assertThat(this.controller.seen()).containsExactly(
				"hello world from serverless-spring-snapstart-prime prime=snapstart",
				"hello world from serverless-spring-snapstart-prime prime=snapstart",
				"hello world from serverless-spring-snapstart-prime prime=snapstart",
				"hello prime time from serverless-spring-snapstart-prime prime=snapstart",
				"hello prime time from serverless-spring-snapstart-prime prime=snapstart",
				"hello prime time from serverless-spring-snapstart-prime prime=snapstart",
				"broken", "broken", "broken");
		List<PrimedRequest> requests = this.hooks.lastPriming().requests();
		assertThat(requests).extracting(PrimedRequest::path, PrimedRequest::status)
			.containsExactly(tuple("/hello", 200), tuple("/hello", 200), tuple("/hello", 200),
					tuple("/hello?name=prime%20time", 200), tuple("/hello?name=prime%20time", 200),
					tuple("/hello?name=prime%20time", 200), tuple("/missing", 404), tuple("/missing", 404),
					tuple("/missing", 404), tuple("/broken", 500), tuple("/broken", 500), tuple("/broken", 500));
		assertThat(output.toString().substring(before)).contains("SnapStart prime GET /missing answered 404")
			.contains("SnapStart prime GET /broken answered 500")
			.doesNotContain("[access]");
	}

	@Test
	void primingIsNotUserTrafficButTheAccessLogIsBackForRealRequests(CapturedOutput output) throws Exception {
		int before = output.length();
		this.hooks.beforeCheckpoint(null);
		assertThat(output.toString().substring(before)).doesNotContain("[access]");

		handler.invoke(Fixtures.event("http-api-v2/get-pet.json").replace("/prod/pets/café noir", "/prod/hello"));

		assertThat(output.toString().substring(before)).contains("[access] 203.0.113.9 \"GET /hello");
	}

	@Test
	void primingRoutesKeepWarmAndOnlyClassifiesEveryOtherKindNeverRunningAHandler() {
		this.hooks.beforeCheckpoint(null);

		PrimingReport report = this.hooks.lastPriming();
		assertThat(report.keepWarmRouted()).isTrue();
		assertThat(report.classified()).containsEntry("rest-api-v1", "apigw-rest-v1")
			.containsEntry("function-url", "function-url")
			.containsEntry("alb", "alb")
			.containsEntry("authorizer-token", "lambda-authorizer")
			.containsEntry("keep-warm-rule", "keep-warm")
			.containsEntry("invoke-command", "command")
			.containsEntry("task", "task")
			.containsEntry("schedule", "schedule")
			.containsEntry("sqs", "aws-events")
			.containsEntry("sns", "aws-events")
			.containsEntry("s3", "aws-events")
			.containsEntry("eventbridge", "none");
		assertThat(this.handlers.calls()).as("task, schedule, event handlers and authorizer bound to the samples")
			.isEmpty();
		assertThat(lambda.requests()).as("no task was sent").isEmpty();
	}

	@Test
	void afterRestoreTheTaskClientIsBuiltAgainSoItResolvesCredentialsRegionAndConnectionsAnew() {
		System.setProperty("aws.region", "eu-west-1");
		this.handlers.welcome("first");
		System.setProperty("aws.region", "us-west-2");
		this.handlers.welcome("second, same client");

		this.hooks.afterRestore(null);
		this.handlers.welcome("third, after restore");

		assertThat(lambda.requests()).extracting((request) -> signingRegion(request.header("Authorization")))
			.containsExactly("eu-west-1", "eu-west-1", "us-west-2");
		assertThat(this.hooks.lastRestore().awsClientsDropped()).isEqualTo(1);
	}

	/** {@code AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, ...} → REGION. */
	private static String signingRegion(String authorization) {
		String credential = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length());
		return credential.split("/")[2];
	}

}
