package io.serverlessspring.shell.invariants;

import java.net.URI;

import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;

/** The invariants' backend: the shared moto server, reset between cases. */
abstract class AgainstMoto extends DeployInvariants {

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

}
