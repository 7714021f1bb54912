package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Undeploy from a first deploy stopped after each change k leaves nothing, against moto (apart from
 * {@link DeployInvariantsAgainstMotoTest} to keep each class short).
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class InterruptedUndeployAgainstMotoTest extends AgainstMoto {

	@Test
	void undeployFromAFirstDeployStoppedAfterAnyChangeLeavesNothing() {
		reset();
		int changes = firstDeployChanges("dev");
		for (int k = 1; k < changes; k++) {
			reset();
			interruptedDeploy("dev", k);
			undeploysToNothing("dev", k);
		}
	}

}
