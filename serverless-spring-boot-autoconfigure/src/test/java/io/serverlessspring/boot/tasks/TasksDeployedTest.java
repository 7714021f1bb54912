package io.serverlessspring.boot.tasks;

import java.util.List;
import java.util.Optional;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.testapp.PetJobs;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.RuntimeTestApplication.Pet;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.RecordingLambdaEndpoint;
import io.serverlessspring.boot.testsupport.RecordingLambdaEndpoint.Request;
import io.serverlessspring.boot.testsupport.Routing;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tasks in a deployed function: the call reaches an AWS-compatible Lambda endpoint over HTTP as
 * an Event invoke, the receiving invocation runs the method, captured responses round-trip
 * through a DynamoDB-compatible endpoint (moto).
 */
@DeployedAppTest
class TasksDeployedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RecordingLambdaEndpoint lambda;

	private static DynamoDbClient dynamo;

	@Autowired
	PetJobs petJobs;

	@Autowired
	Recorder recorder;

	@Autowired
	EventRouter router;

	@Autowired
	TaskResponses responses;

	@BeforeAll
	static void endpoints() throws Exception {
		lambda = RecordingLambdaEndpoint.start();
		MotoServer moto = MotoServer.shared();
		// The SDK's standard endpoint resolution, as AWS_ENDPOINT_URL_LAMBDA / _DYNAMODB would do.
		System.setProperty("aws.endpointUrlLambda", lambda.uri().toString());
		System.setProperty("aws.endpointUrlDynamoDb", moto.endpoint().toString());
		dynamo = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).build();
		if (!dynamo.listTables().tableNames().contains("petstore-dev-tasks")) {
			dynamo.createTable((table) -> table.tableName("petstore-dev-tasks")
				.keySchema((key) -> key.attributeName("taskId").keyType(KeyType.HASH))
				.attributeDefinitions((attr) -> attr.attributeName("taskId").attributeType(ScalarAttributeType.S))
				.billingMode(BillingMode.PAY_PER_REQUEST));
		}
	}

	@AfterAll
	static void stop() {
		lambda.close();
		dynamo.close();
		System.clearProperty("aws.endpointUrlLambda");
		System.clearProperty("aws.endpointUrlDynamoDb");
	}

	@BeforeEach
	void clear() {
		lambda.clear();
		this.recorder.clear();
	}

	@Test
	void callingATaskSendsAnEventInvokeOfTheRunningVersionAndReturnsAtOnce() {
		this.petJobs.sendWelcome("rex", 2);

		assertThat(this.recorder.calls()).as("the method does not run in the caller").isEmpty();
		Request invoke = onlyInvoke();
		assertThat(invoke.method()).isEqualTo("POST");
		assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/petstore-dev/invocations");
		assertThat(invoke.query()).isEqualTo("Qualifier=7");
		assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("Event");
		JsonNode task = JSON.readTree(invoke.body()).get("serverless");
		assertThat(task.get("kind").asString()).isEqualTo("task");
		assertThat(task.get("version").asInt()).isEqualTo(1);
		assertThat(task.get("target").asString()).isEqualTo("petJobs#sendWelcome(java.lang.String,int)");
		assertThat(task.get("args").toString()).isEqualTo("[\"rex\",2]");
		assertThat(task.get("captureResponse").asBoolean()).isFalse();
		assertThat(task.get("taskId").asString()).hasSize(36);
	}

	@Test
	void theReceivingInvocationRunsTheMethodWithTheArguments() {
		this.petJobs.sendWelcome("rex", 2);

		String response = Routing.route(this.router, onlyInvoke().body());

		assertThat(this.recorder.calls()).containsExactly("sendWelcome(rex,2)");
		assertThat(JSON.readTree(response).get("ok").asBoolean()).isTrue();
	}

	@Test
	void aTaskCalledWithinAnInvocationTargetsTheAliasThatIsRunning() {
		Routing.route(this.router, """
				{"serverless": {"kind": "invoke", "target": "petJobs#sendWelcome", "args": ["fido", 1]}}
				""");

		assertThat(onlyInvoke().query()).isEqualTo("Qualifier=live");
	}

	@Test
	void capturedResponseGoesFromPendingToSucceededInDynamoDb() throws Exception {
		TaskFuture<Integer> future = (TaskFuture<Integer>) this.petJobs.countLetters(new Pet("rex", 3));
		String taskId = future.taskId();
		assertThat(future).isNotDone();
		assertThat(item(taskId).get("state").s()).isEqualTo("pending");

		Routing.route(this.router, onlyInvoke().body());

		assertThat(item(taskId).get("state").s()).isEqualTo("succeeded");
		assertThat(item(taskId).get("result").s()).isEqualTo("3");
		assertThat(Long.parseLong(item(taskId).get("expiresAt").n())).isGreaterThan(System.currentTimeMillis() / 1000);
		Optional<TaskResponse> read = this.responses.find(taskId);
		assertThat(read).get().extracting(TaskResponse::state, TaskResponse::resultJson)
			.containsExactly(TaskState.SUCCEEDED, "3");
	}

	@Test
	void aRetriedDeliveryOfTheSameTaskIdDoesNotRunOrStoreTwice() {
		TaskFuture<Integer> future = (TaskFuture<Integer>) this.petJobs.countLetters(new Pet("rex", 3));
		String payload = onlyInvoke().body();
		Routing.route(this.router, payload);
		String firstUpdate = item(future.taskId()).get("updatedAt").s();

		Routing.route(this.router, payload);

		assertThat(this.recorder.calls()).containsExactly("countLetters(rex)");
		assertThat(item(future.taskId()).get("updatedAt").s()).isEqualTo(firstUpdate);
	}

	@Test
	void aFailingCapturedTaskStoresTheErrorAndFailsTheInvocation() {
		TaskHandle handle = this.petJobs.failToGroom("rex");
		String payload = onlyInvoke().body();

		assertThatThrownBy(() -> Routing.route(this.router, payload)).isInstanceOf(IllegalStateException.class)
			.hasMessage("no groomer for rex");

		assertThat(item(handle.taskId()).get("state").s()).isEqualTo("failed");
		JsonNode error = JSON.readTree(item(handle.taskId()).get("error").s());
		assertThat(error.get("exception").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(error.get("message").asString()).isEqualTo("no groomer for rex");
	}

	@Test
	void aPayloadOverTheLimitFailsAtTheCallSiteAndSendsNothing() {
		String huge = "x".repeat(300 * 1024);

		assertThatThrownBy(() -> this.petJobs.sendWelcome(huge, 1)).isInstanceOf(TaskPayloadTooLargeException.class)
			.hasMessageContaining("petJobs#sendWelcome(java.lang.String,int)")
			.hasMessageContaining("307")
			.hasMessageContaining("262144-byte limit");
		assertThat(lambda.requests()).isEmpty();
	}

	@Test
	void aMissingResponseTableIsNamedWithItsProperty() {
		TaskResponses missing = new DynamoDbTaskResponses(() -> dynamo, "petstore-dev-no-such-table",
				java.time.Duration.ofMinutes(10), java.time.Clock.systemUTC());

		assertThatThrownBy(() -> missing.pending("t-1", "petJobs#countLetters")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("the response table 'petstore-dev-no-such-table' (serverless.tasks.response-table) does not exist");
	}

	@Test
	void aRemoteTargetIsInvokedInItsFunctionAndRegion() {
		this.petJobs.archive("rex");

		Request invoke = onlyInvoke();
		assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/pet-archive%3Alive/invocations");
		assertThat(invoke.query()).isNull();
		assertThat(invoke.header("Authorization")).contains("/eu-west-1/lambda/aws4_request");
	}

	private Request onlyInvoke() {
		List<Request> requests = lambda.requests();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static java.util.Map<String, AttributeValue> item(String taskId) {
		return dynamo.getItem((get) -> get.tableName("petstore-dev-tasks")
			.key(java.util.Map.of("taskId", AttributeValue.fromS(taskId)))
			.consistentRead(true)).item();
	}

}
