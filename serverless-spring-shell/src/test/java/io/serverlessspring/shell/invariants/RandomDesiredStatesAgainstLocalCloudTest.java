package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/** A few random desired states through deploy, re-plan and undeploy against serverless-local. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class RandomDesiredStatesAgainstLocalCloudTest extends AgainstLocalCloud {

	@Test
	void aFewRandomStatesDeployReplanEmptyAndUndeployToNothing() {
		for (long seed = 101; seed <= 104; seed++) {
			randomStateRoundTrip(seed, "r" + seed);
		}
	}

}
