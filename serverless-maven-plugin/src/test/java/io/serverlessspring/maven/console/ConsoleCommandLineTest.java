package io.serverlessspring.maven.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleCommandLineTest {

	@Test
	void keepsWordsInOrderAndLeavesOutWhatIsNotSet() {
		ConsoleCommandLine line = ConsoleCommandLine.command("deploy")
			.argument("prod")
			.argument(" ")
			.option("project", "/work/app")
			.option("profile", null)
			.option("region", "")
			.flag("dry-run", false)
			.flag("yes", true);

		assertThat(line.words()).containsExactly("deploy", "prod", "--project", "/work/app", "--yes");
		assertThat(line).hasToString("deploy prod --project /work/app --yes");
	}

	@Test
	void keepsAValueWithSpacesAsOneWord() {
		ConsoleCommandLine line = ConsoleCommandLine.command("invoke").argument("dev").argument("[\"Ada Lovelace\"]");

		assertThat(line.words()).containsExactly("invoke", "dev", "[\"Ada Lovelace\"]");
	}

	@Test
	void appendsExtraWordsButNotBlankOnes() {
		ConsoleCommandLine line = ConsoleCommandLine.command("local", "start").words(List.of("--verbose", ""));

		assertThat(line.words()).containsExactly("local", "start", "--verbose");
	}

}
