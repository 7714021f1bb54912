package io.serverlessspring.shell.invariants;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/** The engine's invariants against moto, over HTTP with the real SDK; moto is reset between cases. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class DeployInvariantsAgainstMotoTest extends AgainstMoto {

	@Test
	void anIdenticalRedeployPlansNothingAndMakesNoWriteCall() {
		reset();
		identicalRedeployPlansNothingAndWritesNothing("dev");
	}

	@Test
	void aFirstDeployStoppedAfterAnyChangeConvergesWithoutDuplicates() {
		reset();
		int changes = firstDeployChanges("dev");
		for (int k = 1; k < changes; k++) {
			reset();
			interruptedDeploy("dev", k);
			convergesWithoutDuplicates("dev", k);
		}
	}

	@Test
	void anAlbDeployStoppedAfterAnyOfItsChangesConvergesAndUndeploysToNothing() {
		interruptedAlbDeploysConverge("dev", this::reset);
	}

	@Test
	void undeployFindsTheStageByNamesAndTagsWhenTheFunctionIsGone() {
		reset();
		undeployAfterTheFunctionWasDeletedByHandLeavesNothing("dev");
	}

}
