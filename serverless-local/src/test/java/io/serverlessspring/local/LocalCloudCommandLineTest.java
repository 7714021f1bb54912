package io.serverlessspring.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalCloudCommandLineTest {

	@Test
	void defaultsToLocalStacksPortInMemory() {
		LocalCloud.CommandLine commandLine = LocalCloud.CommandLine.parse();
		assertThat(commandLine.port()).isEqualTo(4566);
		assertThat(commandLine.stateDirectory()).isNull();
	}

	@Test
	void readsPortAndStateDirectory() {
		LocalCloud.CommandLine commandLine = LocalCloud.CommandLine.parse("--port", "0", "--state-dir", "build/state");
		assertThat(commandLine.port()).isZero();
		assertThat(commandLine.stateDirectory()).isEqualTo(Path.of("build/state"));
	}

	@Test
	void namesTheArgumentAtFault() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalCloud.CommandLine.parse("--port", "http"))
			.withMessage("--port must be a number, was 'http'");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalCloud.CommandLine.parse("--port", "70000"))
			.withMessageContaining("between 0 and 65535");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalCloud.CommandLine.parse("--state-dir"))
			.withMessage("--state-dir needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalCloud.CommandLine.parse("--verbose"))
			.withMessage("unknown argument '--verbose'");
	}

}
