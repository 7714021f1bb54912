package io.serverlessspring.shell.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hints name what the user can type: console options, or goal properties when the Maven plugin runs the console. */
class OptionHintTest {

	@AfterEach
	void clearMarker() {
		System.clearProperty(OptionHint.INVOKER_PROPERTY);
	}

	@Test
	void withoutTheMarkerHintsNameTheConsolesOptions() {
		assertThat(OptionHint.current()).isEqualTo(OptionHint.CONSOLE);
		assertThat(OptionHint.current().verbose()).isEqualTo("--verbose");
		assertThat(OptionHint.current().profile()).isEqualTo("--profile");
		assertThat(OptionHint.current().region()).isEqualTo("--region");
	}

	@Test
	void theMavenPluginsMarkerMakesHintsNameGoalProperties() {
		// what serverless-maven-plugin's ForkedConsole puts on the console's command line
		System.setProperty(OptionHint.INVOKER_PROPERTY, "maven");
		assertThat(OptionHint.current().verbose()).isEqualTo("-Dserverless.args=--verbose");
		assertThat(OptionHint.current().profile()).isEqualTo("-Dserverless.profile=NAME");
		assertThat(OptionHint.current().region()).isEqualTo("-Dserverless.region=REGION");
	}

}
