package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Many random desired states, each through deploy, re-plan (must be empty) and undeploy (must leave
 * nothing), against moto over HTTP. The seed is in every message.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class RandomDesiredStatesAgainstMotoTest extends AgainstMoto {

	private static final int SEEDS = 12;

	@Test
	void everyRandomStateDeploysReplansEmptyAndUndeploysToNothing() {
		for (long seed = 1; seed <= SEEDS; seed++) {
			reset();
			randomStateRoundTrip(seed, "dev");
		}
	}

}
