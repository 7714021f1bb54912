package io.serverlessspring.maven.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleExitTest {

	@Test
	void theMessageIsTheLastErrorAndTheHintAfterIt() {
		ConsoleExit exit = new ConsoleExit(1, List.of("Building petstore with Maven ...", "Error: first",
				"Error: No AWS credentials were found.", "", "  Hint: set AWS_PROFILE or pass --profile"));

		assertThat(exit.succeeded()).isFalse();
		assertThat(exit.errorMessage())
			.isEqualTo("Error: No AWS credentials were found." + System.lineSeparator() + "Hint: set AWS_PROFILE or pass --profile");
	}

	@Test
	void terminalColoursAreLeftOutOfTheMessage() {
		ConsoleExit exit = new ConsoleExit(2, List.of("\u001B[31mError: Unknown stage 'qa'\u001B[0m"));

		assertThat(exit.errorMessage()).isEqualTo("Error: Unknown stage 'qa'");
	}

	@Test
	void noMessageWhenTheConsolePrintedNoError() {
		ConsoleExit exit = new ConsoleExit(137, List.of("Deploying ..."));

		assertThat(exit.errorMessage()).isNull();
	}

}
