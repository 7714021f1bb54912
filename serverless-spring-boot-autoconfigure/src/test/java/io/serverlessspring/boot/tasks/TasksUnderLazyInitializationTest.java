package io.serverlessspring.boot.tasks;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.testapp.PetJobs;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.RuntimeTestApplication;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.main.lazy-initialization=true} (a user's cold-start setting) the first event a
 * cold function receives can be a task: the bean with the task method is created at start-up, not on
 * first use, so its task is registered when the event arrives.
 */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.main.lazy-initialization=true", "spring.application.name=petstore",
				"serverless.stage=dev", "spring.config.name=runtime-test" })
class TasksUnderLazyInitializationTest {

	@Autowired
	EventRouter router;

	@Autowired
	Recorder recorder;

	@Autowired
	ConfigurableListableBeanFactory beanFactory;

	@Test
	void aTaskEventAsTheFirstEventRunsTheTaskMethod() {
		String response = Routing.route(this.router, """
				{"serverless": {"kind": "task", "version": 1, "target": "petJobs#sendWelcome(java.lang.String,int)",
				 "args": ["rex", 2], "captureResponse": false, "taskId": "0f8fad5b-d9cb-469f-a165-70867728950e"}}
				""");

		assertThat(this.recorder.calls()).containsExactly("sendWelcome(rex,2)");
		assertThat(response).contains("\"ok\":true");
	}

	@Test
	void theContextIsLazyEverywhereElse() {
		assertThat(this.beanFactory.getBeanDefinition("petJobs").isLazyInit()).isFalse();
		assertThat(this.beanFactory.getBeanDefinition("serverlessTaskRegistry").isLazyInit()).isTrue();
		assertThat(this.beanFactory.getBean(PetJobs.class)).isNotNull();
	}

}
