package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many random desired states, each through deploy, re-plan (must be empty) and undeploy (must leave
 * nothing), against moto over HTTP. The seed is in every message.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class RandomDesiredStatesAgainstMotoTest extends AgainstMoto {

	private static final int SEEDS = 20;

	@Test
	void everyRandomStateDeploysReplansEmptyAndUndeploysToNothing() {
		for (long seed = 1; seed <= SEEDS; seed++) {
			reset();
			String settings = RandomDesiredStates.settings(seed);
			this.console.settings("dev", settings);
			String context = "seed " + seed + ":\n" + settings;
			Run deploy = this.console.deploy("dev");
			assertThat(deploy.exitCode()).as(context + deploy.output()).isZero();
			assertThat(this.console.plannedChanges("dev")).as("re-plan, " + context).isEmpty();
			Run undeploy = this.console.undeploy("dev");
			assertThat(undeploy.exitCode()).as(context + undeploy.output()).isZero();
			assertThat(this.console.inventory("petstore-dev")).as("left by undeploy, " + context).isEmpty();
		}
	}

}
