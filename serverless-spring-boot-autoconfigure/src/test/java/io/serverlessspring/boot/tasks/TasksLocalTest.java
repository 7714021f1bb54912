package io.serverlessspring.boot.tasks;

import java.time.Duration;

import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.TaskSettings.LocalMode;
import io.serverlessspring.boot.testapp.PetJobs;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.RuntimeTestApplication.Pet;
import io.serverlessspring.boot.testsupport.RuntimeAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Not deployed, a task runs here: on the task executor by default, inline with local-mode sync. */
@RuntimeAppTest
class TasksLocalTest {

	@Autowired
	PetJobs petJobs;

	@Autowired
	Recorder recorder;

	@Autowired
	ServerlessProperties properties;

	@Autowired
	TaskResponses responses;

	@BeforeEach
	void clear() {
		this.recorder.clear();
	}

	@Test
	void aTaskRunsOnTheTaskExecutorAndTheCallerReturnsAtOnce() {
		this.petJobs.sendWelcome("rex", 2);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorder.calls().contains("sendWelcome(rex,2)"));
	}

	@Test
	void aFutureTaskCompletesWithItsResultAndTheCapturedResponseIsReadableById() {
		TaskFuture<Integer> future = (TaskFuture<Integer>) this.petJobs.countLetters(new Pet("biscuit", 2));

		assertThat(future.join()).isEqualTo(7);
		assertThat(this.responses.find(future.taskId())).get()
			.extracting(TaskResponse::state, TaskResponse::resultJson)
			.containsExactly(TaskState.SUCCEEDED, "7");
	}

	@Test
	void syncModeRunsTheTaskBeforeTheCallReturnsAndFailsLikeAPlainCall() {
		this.properties.getTasks().setLocalMode(LocalMode.SYNC);
		try {
			this.petJobs.sendWelcome("fido", 1);
			assertThat(this.recorder.calls()).containsExactly("sendWelcome(fido,1)");

			assertThatThrownBy(() -> this.petJobs.failToGroom("fido")).isInstanceOf(IllegalStateException.class)
				.hasMessage("no groomer for fido");
		}
		finally {
			this.properties.getTasks().setLocalMode(LocalMode.ASYNC);
		}
	}

	@Test
	void argumentsOverTheLimitFailLocallyTooSoTheBugShowsBeforeDeploying() {
		assertThatThrownBy(() -> this.petJobs.sendWelcome("x".repeat(300 * 1024), 1))
			.isInstanceOf(TaskPayloadTooLargeException.class);
		assertThat(this.recorder.calls()).isEmpty();
	}

}
