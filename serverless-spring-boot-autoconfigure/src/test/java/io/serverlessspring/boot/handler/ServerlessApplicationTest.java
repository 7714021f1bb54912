package io.serverlessspring.boot.handler;

import java.time.Instant;

import io.serverlessspring.boot.handler.slowapp.SlowStartApplication;
import io.serverlessspring.boot.routing.EventRouter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerlessApplicationTest {

	@Test
	void anAppStillStartingWhenTheInitWindowEndsIsWaitedForByTheFirstEvent() {
		ServerlessApplication application = ServerlessApplication.start(SlowStartApplication.class);

		// The init window is over (deadline now) and the app is still blocked in a bean.
		assertThat(application.awaitStarted(Instant.now())).isFalse();

		SlowStartApplication.mayFinishStarting.countDown();
		EventRouter router = application.router();

		assertThat(router).isNotNull();
		assertThat(application.context().getBean("slowBean")).isEqualTo("started");
		application.context().close();
	}

	@Test
	void theStageBecomesTheActiveProfile() {
		assertThat(ServerlessHandler.profiles("prod")).containsExactly("prod");
		assertThat(ServerlessHandler.profiles(" ")).isEmpty();
		assertThat(ServerlessHandler.profiles(null)).isEmpty();
	}

	@Test
	void aStageThatExtendsOthersStartsWithItsWholeChainMostExtendedFirst() {
		assertThat(ServerlessHandler.profiles("dev, staging,prod", "prod")).containsExactly("dev", "staging", "prod");
		assertThat(ServerlessHandler.profiles("", "prod")).containsExactly("prod");
	}

}
