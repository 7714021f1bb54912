package io.serverlessspring.maven.console;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ForkedConsoleTest {

	@TempDir
	Path project;

	private Process tree;

	@AfterEach
	void killTree() {
		if (this.tree != null) {
			this.tree.descendants().forEach(ProcessHandle::destroyForcibly);
			this.tree.destroyForcibly();
		}
	}

	@Test
	void runsTheConsoleJarAsTheLauncherDoes() {
		ForkedConsole console = new ForkedConsole(Path.of("jdk", "bin", "java"), Path.of("serverless-console-exec.jar"),
				List.of("-Xmx256m"), this.project, Map.of());

		assertThat(console.command(List.of("deploy", "prod", "--yes"))).containsExactly(Path.of("jdk", "bin", "java").toString(),
				"-Xmx256m", "-Dserverless.invoker=maven", "-jar", "serverless-console-exec.jar", "deploy", "prod", "--yes");
	}

	@Test
	@EnabledOnOs({ OS.LINUX, OS.MAC })
	void stoppingTheConsoleStopsWhatItStartedButTheLocalCloud() throws IOException {
		// A stand-in console with two children: a build (to stop) and a local cloud running a function
		// (both left running), told apart by their command lines as the real ones are.
		this.tree = new ProcessBuilder("bash", "-c", "sleep 601 & bash -c 'sleep 602 & wait' "
				+ ForkedConsole.LOCAL_CLOUD_MAIN_CLASS + " & wait").start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.tree.descendants().count() == 3);
		ProcessHandle build = child("sleep 601").orElseThrow();
		ProcessHandle cloud = child(ForkedConsole.LOCAL_CLOUD_MAIN_CLASS).orElseThrow();
		ProcessHandle function = child("sleep 602").orElseThrow();

		ForkedConsole.stop(this.tree.toHandle());

		assertThat(this.tree.isAlive()).isFalse();
		assertThat(build.isAlive()).isFalse();
		assertThat(cloud.isAlive()).isTrue();
		assertThat(function.isAlive()).isTrue();
		function.destroyForcibly();
		cloud.destroyForcibly();
	}

	private Optional<ProcessHandle> child(String commandLinePart) {
		return this.tree.descendants()
			.filter(child -> child.info().commandLine().orElse("").contains(commandLinePart))
			.findFirst();
	}

}
