package io.serverlessspring.boot.events;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real-format AWS events reach the handlers bound to their source, with the right arguments. */
@DeployedAppTest
class AwsEventRouteTest {

	@Autowired
	EventRouter router;

	@Autowired
	Recorder recorder;

	@BeforeEach
	void clear() {
		this.recorder.clear();
	}

	@Test
	void sqsMessagesReachTheHandlerOneByOneAndOnlyFailedOnesAreReported() {
		String response = Routing.route(this.router, Fixtures.event("sqs/adoptions-batch.json"));

		assertThat(this.recorder.calls()).containsExactly("onAdoption(rex,3)", "onAdoption(fido,5)");
		assertThat(response)
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
	}

	@Test
	void aConsumerBeanBoundByPropertiesHandlesSqsWithSpringCloudFunctionConversion() {
		String response = Routing.route(this.router, Fixtures.event("sqs/function-adoptions-batch.json"));

		assertThat(this.recorder.calls()).containsExactly("adoptPet(rex)", "adoptPet(fido)");
		assertThat(response)
			.isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
	}

	@Test
	void aHandlerTakingTheWholeTypedEventGetsItOnceWithTheContext() {
		Routing.route(this.router, Fixtures.event("sqs/audit-batch.json"));

		assertThat(this.recorder.calls()).containsExactly("onAuditBatch(3,petstore-dev)");
	}

	@Test
	void snsMessagesReachTheHandlerAsText() {
		Routing.route(this.router, Fixtures.event("sns/pet-news.json"));

		assertThat(this.recorder.calls()).containsExactly("onNews(Three kittens arrived today)");
	}

	@Test
	void s3NotificationsReachTheHandlerAsTypedRecords() {
		Routing.route(this.router, Fixtures.event("s3/photo-uploaded.json"));

		assertThat(this.recorder.calls()).containsExactly("onPhoto(petstore-photos,uploads/rex in the garden.jpg,48213)");
	}

	@Test
	void dynamoDbStreamRecordsStopAtTheFirstFailureAndReportIt() {
		String response = Routing.route(this.router, Fixtures.event("dynamodb/pets-stream.json"));

		assertThat(this.recorder.calls()).containsExactly("onPetChange(INSERT,rex)");
		assertThat(response).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584600000000017450439092\"}]}");
	}

	@Test
	void kinesisRecordsAreDecodedIntoTheHandlersType() {
		String response = Routing.route(this.router, Fixtures.event("kinesis/pet-clicks.json"));

		assertThat(this.recorder.calls()).containsExactly("onClick(rex,/pets/rex)", "onClick(fido,/pets/fido)");
		assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
	}

	@Test
	void eventBridgeCustomEventsReachTheHandlerWhosePatternMatches() {
		Routing.route(this.router, Fixtures.event("eventbridge/order-placed.json"));

		assertThat(this.recorder.calls()).containsExactly("onOrder(o-1001,rex,2)");
	}

	@Test
	void sqsMessagesCarryingTasksGoToTheTaskRouteNotToHandlers() {
		String response = Routing.route(this.router, Fixtures.event("sqs/task-envelope.json"));

		assertThat(this.recorder.calls()).containsExactly("sendWelcome(biscuit,4)");
		assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
	}

	@Test
	void anEventFromAnUnboundSourceIsAClearError() {
		String unbound = Fixtures.event("sns/pet-news.json").replace(":pet-news", ":pet-gossip");

		assertThatThrownBy(() -> Routing.route(this.router, unbound)).isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("No event handler is bound to the sns source of this event "
					+ "([arn:aws:sns:us-east-1:123456789012:pet-gossip, pet-gossip])");
	}

	@Test
	void registryListsEveryHandlerWithItsSource() {
		assertThat(this.router.routes()).extracting((r) -> r.name()).contains("keep-warm", "command", "task", "schedule",
				"aws-events");
	}

	@Test
	void routesAreAskedInRouteOrder() {
		// RouteOrder's line: keep-warm, commands, tasks, schedules, then AWS events.
		assertThat(this.router.routes()).extracting((r) -> r.name())
			.containsSubsequence("keep-warm", "command", "task", "schedule", "aws-events");
	}

}
