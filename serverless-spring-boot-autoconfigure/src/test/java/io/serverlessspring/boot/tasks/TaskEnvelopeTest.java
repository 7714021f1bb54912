package io.serverlessspring.boot.tasks;

import io.serverlessspring.boot.targets.BadArgumentsException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task envelope with fields of the wrong type is refused with the field named, not run with no arguments. */
class TaskEnvelopeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void argsThatAreNotAnArrayAreNamed() {
		assertThatThrownBy(() -> TaskEnvelope.from(JSON.readTree("""
				{"serverless": {"kind": "task", "taskId": "t-1", "target": "petService#greet", "args": "nope"}}""")))
			.isInstanceOf(BadArgumentsException.class)
			.hasMessage("Malformed task envelope: 'args' must be a JSON array of the method's arguments, not string");
	}

	@Test
	void aMissingTargetAndABadDateAreNamed() {
		assertThatThrownBy(() -> TaskEnvelope.from(JSON.readTree("""
				{"serverless": {"kind": "task", "taskId": "t-1", "args": []}}""")))
			.hasMessage("Malformed task envelope: 'target' is missing: it names the method (bean#method) or function bean to run");
		assertThatThrownBy(() -> TaskEnvelope.from(JSON.readTree("""
				{"serverless": {"kind": "task", "target": "petService#greet", "sentAt": "yesterday"}}""")))
			.hasMessage("Malformed task envelope: 'sentAt' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, not 'yesterday'");
		assertThatThrownBy(() -> TaskEnvelope.from(JSON.readTree("""
				{"serverless": {"kind": "task", "target": {"bean": "petService"}}}""")))
			.hasMessage("Malformed task envelope: 'target' must be a string, not object");
	}

	@Test
	void aWellFormedEnvelopeIsRead() {
		TaskEnvelope envelope = TaskEnvelope.from(JSON.readTree("""
				{"serverless": {"kind": "task", "taskId": "t-1", "target": "petService#greet", "args": ["rex"],
				 "captureResponse": true, "sentAt": "2026-12-04T10:00:00Z"}}""")).orElseThrow();

		assertThat(envelope.target()).isEqualTo("petService#greet");
		assertThat(envelope.args()).hasSize(1);
		assertThat(envelope.captureResponse()).isTrue();
		assertThat(envelope.sentAt()).hasToString("2026-12-04T10:00:00Z");
	}

}
