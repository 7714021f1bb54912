package io.serverlessspring.maven.goals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.maven.console.ConsoleExit;
import io.serverlessspring.maven.console.ForkedConsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The goals for real: each forks the console jar the plugin depends on (the one built in this
 * reactor, {@code console.jar}), on the petstore sample. Nothing leaves localhost.
 */
class ConsoleGoalsRunTest {

	private static Path consoleJar;

	private static Path petstore;

	@BeforeAll
	static void console() {
		String jar = System.getProperty("console.jar");
		assertThat(jar).as("console.jar (set by the module's pom)").isNotNull();
		consoleJar = Path.of(jar);
		assertThat(consoleJar).isRegularFile();
		petstore = Path.of(System.getProperty("samples.petstore")).toAbsolutePath().normalize();
	}

	private static <T extends AbstractConsoleMojo> T goal(T goal, Path basedir, CapturingLog log) {
		goal.basedir = basedir.toFile();
		goal.consoleJar = consoleJar;
		goal.setLog(log);
		return goal;
	}

	@Test
	void theConsolesOwnHelpListsItsCommands() throws Exception {
		List<String> output = new ArrayList<>();
		ForkedConsole console = new ForkedConsole(ForkedConsole.currentJava(), consoleJar,
				ForkedConsole.DEFAULT_JVM_OPTIONS, petstore, Map.of());

		ConsoleExit exit = console.run(List.of("--help"), output::add);

		assertThat(exit.code()).isZero();
		assertThat(output).anyMatch(line -> line.contains("deploy: Deploy a stage"))
			.anyMatch(line -> line.contains("local start: Start the local cloud"));
	}

	@Test
	void settingsGoalPrintsTheStagesResolvedSettings() throws Exception {
		CapturingLog log = new CapturingLog();
		SettingsMojo settings = goal(new SettingsMojo(), petstore, log);
		settings.stage = "local";

		settings.execute();

		assertThat(log.lines().get(0)).isEqualTo("serverless settings local --project " + petstore);
		assertThat(log.lines()).anyMatch(line -> line.matches("serverless\\.stage\\s+local\\s+stage name"))
			.anyMatch(line -> line.matches("serverless\\.deploy\\.endpoint\\s+local\\s+application-local\\.yml line \\d+"));
	}

	@Test
	void aConsoleErrorFailsTheBuildWithTheConsolesMessage() {
		CapturingLog log = new CapturingLog();
		SettingsMojo settings = goal(new SettingsMojo(), petstore, log);
		settings.stage = "qa";

		assertThatThrownBy(settings::execute).isInstanceOf(MojoFailureException.class)
			.hasMessageStartingWith("Error: Unknown stage 'qa'")
			.hasMessageContaining("Stages of this project: chat, dev, local");
		assertThat(log.errors()).singleElement().asString().startsWith("Error: Unknown stage 'qa'");
	}

	@Test
	void localGoalsStartAndStopTheLocalCloudWhereTheEnvironmentSays(@TempDir Path home)
			throws MojoExecutionException, MojoFailureException, IOException {
		int port = freePort();
		Map<String, String> environment = Map.of("SERVERLESS_LOCAL_PORT", Integer.toString(port), "SERVERLESS_LOCAL_HOME",
				home.toString());
		CapturingLog startLog = new CapturingLog();
		LocalStartMojo start = goal(new LocalStartMojo(), home, startLog);
		start.environment = environment;
		try {
			start.execute();

			assertThat(startLog.text()).contains("Local cloud ready on http://127.0.0.1:" + port);
			CapturingLog statusLog = new CapturingLog();
			LocalStatusMojo status = goal(new LocalStatusMojo(), home, statusLog);
			status.environment = environment;
			status.execute();
			assertThat(statusLog.text()).contains("The local cloud is running on http://127.0.0.1:" + port);
		}
		finally {
			CapturingLog stopLog = new CapturingLog();
			LocalStopMojo stop = goal(new LocalStopMojo(), home, stopLog);
			stop.environment = environment;
			stop.execute();
			assertThat(stopLog.text()).contains("Local cloud stopped.");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
