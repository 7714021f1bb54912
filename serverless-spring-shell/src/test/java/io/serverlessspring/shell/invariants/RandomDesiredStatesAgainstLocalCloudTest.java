package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/** Ten random desired states through deploy, re-plan and undeploy against serverless-local. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class RandomDesiredStatesAgainstLocalCloudTest extends AgainstLocalCloud {

	@Test
	void tenRandomStatesDeployReplanEmptyAndUndeployToNothing() {
		for (long seed = 101; seed <= 110; seed++) {
			randomStateRoundTrip(seed, "r" + seed);
		}
	}

}
