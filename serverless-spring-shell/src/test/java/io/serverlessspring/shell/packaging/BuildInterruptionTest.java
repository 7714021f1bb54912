package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the console while it builds stops the build: no Maven is left running. The project's
 * Maven wrapper ({@code mvnw}, which the console prefers) stands in for a long build: it records its
 * own pid and that of a child it starts, then waits.
 */
class BuildInterruptionTest {

	// Generous: a loaded CI machine starts JVMs slowly; the bound only ends a test that would hang.
	private static final Duration STARTED = Duration.ofSeconds(120);

	@TempDir
	Path project;

	@Test
	void terminatingTheConsoleStopsTheBuildAndWhatItStarted() throws Exception {
		writeSlowProject();
		Path output = this.project.resolve("console.out");
		Process console = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
				ConsoleBuilding.class.getName(), this.project.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			List<ProcessHandle> build = awaitBuildStarted();

			console.destroy(); // SIGTERM, as `kill` or a closing terminal sends
			assertThat(console.waitFor(60, TimeUnit.SECONDS)).as("console stopped").isTrue();

			for (ProcessHandle handle : build) {
				handle.onExit().get(60, TimeUnit.SECONDS);
				assertThat(handle.isAlive()).as("build process %d", handle.pid()).isFalse();
			}
			assertThat(Files.readString(output)).contains("Build interrupted: stopping Maven (pid " + build.get(0).pid() + ")");
		}
		finally {
			console.destroyForcibly();
		}
	}

	@Test
	void interruptingTheCommandStopsTheBuildAndSaysSo() throws Exception {
		writeSlowProject();
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		Thread worker = new Thread(() -> {
			try {
				new ProjectBuilder().build(this.project, line -> { });
				failure.complete(null);
			}
			catch (Throwable ex) {
				failure.complete(ex);
			}
		});
		worker.start();
		List<ProcessHandle> build = awaitBuildStarted();

		worker.interrupt(); // what Ctrl-C at the serverless> prompt does to the running command

		assertThat(failure.get(60, TimeUnit.SECONDS)).isInstanceOf(PackagingException.class)
			.hasMessageStartingWith("Build interrupted: the Maven build of " + this.project + " was stopped");
		for (ProcessHandle handle : build) {
			handle.onExit().get(60, TimeUnit.SECONDS);
			assertThat(handle.isAlive()).isFalse();
		}
	}

	@Test
	void aFailingBuildIsStillReportedWithItsExitCode() throws IOException {
		writeWrapper("#!/bin/sh\necho 'BUILD FAILURE: compilation error'\nexit 3\n");
		assertThatThrownBy(() -> new ProjectBuilder().build(this.project, line -> { }))
			.isInstanceOf(PackagingException.class)
			.hasMessageContaining("failed (exit 3)")
			.hasMessageContaining("BUILD FAILURE: compilation error");
	}

	private void writeSlowProject() throws IOException {
		writeWrapper("""
				#!/bin/sh
				sleep 300 &
				echo $! > child.pid
				echo $$ > wrapper.pid
				wait
				""");
	}

	private void writeWrapper(String script) throws IOException {
		Files.writeString(this.project.resolve("pom.xml"), "<project/>\n");
		Path wrapper = this.project.resolve("mvnw");
		Files.writeString(wrapper, script, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** The wrapper and its child, once both have written their pids. */
	private List<ProcessHandle> awaitBuildStarted() {
		Path wrapperPid = this.project.resolve("wrapper.pid");
		await().atMost(STARTED).until(() -> Files.isRegularFile(wrapperPid) && Files.size(wrapperPid) > 0);
		return List.of(handle(wrapperPid), handle(this.project.resolve("child.pid")));
	}

	private static ProcessHandle handle(Path pidFile) {
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("process " + pid + " already gone"));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A console that is building: what the test stops. */
	public static final class ConsoleBuilding {

		public static void main(String[] args) {
			new ProjectBuilder().build(Path.of(args[0]), line -> System.out.println(line));
		}

	}

}
