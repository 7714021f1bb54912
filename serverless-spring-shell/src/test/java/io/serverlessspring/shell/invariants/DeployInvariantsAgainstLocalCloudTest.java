package io.serverlessspring.shell.invariants;

import java.net.URI;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The engine's invariants against serverless-local, over HTTP with the real SDK. The local cloud
 * has no reset: each case deploys a stage of its own, so one case's leftovers cannot hide another's.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class DeployInvariantsAgainstLocalCloudTest extends DeployInvariants {

	private static LocalCloud cloud;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		if (cloud != null) {
			cloud.close();
		}
	}

	@Override
	URI endpoint() {
		return cloud.endpoint();
	}

	@Override
	void reset() {
		// stages of their own instead
	}

	@Test
	void anIdenticalRedeployPlansNothingAndMakesNoWriteCall() {
		identicalRedeployPlansNothingAndWritesNothing("same");
	}

	@Test
	void aFirstDeployStoppedAfterAnyChangeConvergesWithoutDuplicatesOrIsUndeployedToNothing() {
		int changes = firstDeployChanges("count");
		for (int k = 1; k < changes; k++) {
			interruptedDeploy("c" + k, k);
			convergesWithoutDuplicates("c" + k, k);
			undeploysToNothing("c" + k, k);
			interruptedDeploy("u" + k, k);
			undeploysToNothing("u" + k, k);
		}
	}

	@Test
	void twoRandomStatesDeployReplanEmptyAndUndeployToNothing() {
		for (long seed = 101; seed <= 102; seed++) {
			randomStateRoundTrip(seed, "r" + seed);
		}
	}

}
