package io.serverlessspring.shell.invariants;

import java.net.URI;

import io.serverlessspring.local.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The invariants' backend: a serverless-local of the test class's own. It has no reset: each case
 * deploys a stage of its own, so one case's leftovers cannot hide another's.
 */
abstract class AgainstLocalCloud extends DeployInvariants {

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

}
