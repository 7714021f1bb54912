package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/** The engine's invariants against serverless-local, over HTTP with the real SDK. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class DeployInvariantsAgainstLocalCloudTest extends AgainstLocalCloud {

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
	void undeployFindsTheStageByNamesAndTagsWhenTheFunctionIsGone() {
		reset();
		undeployAfterTheFunctionWasDeletedByHandLeavesNothing("gone");
	}

}
