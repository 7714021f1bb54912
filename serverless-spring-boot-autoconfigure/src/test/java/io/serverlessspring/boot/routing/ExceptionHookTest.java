package io.serverlessspring.boot.routing;

import io.serverlessspring.boot.testapp.PetExceptionHook;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exception hook sees every unhandled failure with its event and context, and can stop Lambda's retry. */
@DeployedAppTest
class ExceptionHookTest {

	@Autowired
	EventRouter router;

	@Autowired
	PetExceptionHook hook;

	@BeforeEach
	void clear() {
		this.hook.clear();
	}

	@Test
	void aFailureTheHookMarksHandledBecomesASuccessfulErrorResult() {
		String event = Fixtures.event("sns/pet-news.json").replace("Three kittens arrived today", "known outage of the kennel API");

		JsonNode response = JsonMapper.builder().build().readTree(Routing.route(this.router, event));

		assertThat(response.get("ok").asBoolean()).isFalse();
		assertThat(response.get("handled").asBoolean()).isTrue();
		assertThat(response.at("/error/exception").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(response.at("/error/message").asString()).endsWith("known outage of the kennel API");
		assertThat(this.hook.seen()).containsExactly(
				"known outage of the kennel API | a JSON object with keys [Records] | 0c6e7a8a-1111-4222-8333-444455556666");
	}

	@Test
	void aFailureTheHookLeavesAloneFailsTheInvocation() {
		String event = Fixtures.event("sns/pet-news.json").replace("Three kittens arrived today", "broken kennel");

		assertThatThrownBy(() -> Routing.route(this.router, event)).isInstanceOf(IllegalStateException.class)
			.hasMessage("broken kennel");
		assertThat(this.hook.seen()).singleElement().asString().startsWith("broken kennel | ");
	}

}
