package io.serverlessspring.shell.invariants;

import java.net.URI;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

/** The engine's invariants against moto, over HTTP with the real SDK; moto is reset between cases. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, InvariantHooks.class },
		properties = "spring.shell.interactive.enabled=false")
class DeployInvariantsAgainstMotoTest extends DeployInvariants {

	private static MotoServer moto;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Override
	URI endpoint() {
		return moto.endpoint();
	}

	@Override
	void reset() {
		moto.reset();
	}

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
