package io.serverlessspring.shell.progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the output of a real Maven 3.8 run (the console's build of the petstore sample from the
 * repository's reactor, {@code -B -Dstyle.color=never}, which failed compiling a test): the modules,
 * the goals and their phases, the error lines.
 */
class MavenOutputTest {

	@Test
	void namesEachModuleOfTheReactorAndEachGoalWithItsPhase() throws IOException {
		List<String> lines = fixture("reactor-build-failure.log");
		MavenOutput maven = new MavenOutput();

		List<String> steps = lines.stream().map(maven::read).filter(Objects::nonNull).map(MavenOutput.Step::describe).toList();

		assertThat(steps).startsWith("[1/6] serverless-spring-parent",
				"[1/6] serverless-spring-parent: class path (dependency:build-classpath)", "[2/6] serverless-test-support",
				"[2/6] serverless-test-support: process-resources (resources:resources)",
				"[2/6] serverless-test-support: compile (compiler:compile)");
		assertThat(steps).contains("[6/6] petstore", "[6/6] petstore: test-compile (compiler:testCompile)",
				"[3/6] serverless-spring-boot-autoconfigure: package (jar:jar)");
		// the jar plugin's "Building jar: ..." is not a module
		assertThat(steps).noneMatch(step -> step.contains("jar:") && !step.contains("(jar:jar)"));
		assertThat(steps).filteredOn(step -> !step.contains(":")).hasSize(6);
	}

	@Test
	void keepsTheErrorLinesAndStripsTheResetCodesMavenWritesEvenInBatchMode() throws IOException {
		List<String> lines = fixture("reactor-build-failure.log");

		assertThat(lines.get(0)).startsWith("\u001b[0m");
		assertThat(MavenOutput.strip(lines.get(0))).isEqualTo("[INFO] Scanning for projects...");
		assertThat(lines.stream().filter(MavenOutput::isError).map(MavenOutput::strip))
			.contains("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.15.0:testCompile "
					+ "(default-testCompile) on project petstore: Compilation failure")
			.noneMatch(line -> line.startsWith("[INFO]"));
	}

	@Test
	void readsTheGoalLinesOfNewerMavensAndSingleModuleBuilds() {
		MavenOutput maven = new MavenOutput();

		assertThat(maven.read("[INFO] --------------------------< com.example:demo >--------------------------")).isNull();
		assertThat(maven.read("[INFO] Building demo 0.0.1-SNAPSHOT").describe()).isEqualTo("demo");
		assertThat(maven.read("[INFO] --- compiler:3.13.0:compile (default-compile) @ demo ---").describe())
			.isEqualTo("demo: compile (compiler:compile)");
		assertThat(maven.read("[INFO] --- spring-boot:3.5.0:process-aot (process-aot) @ demo ---").describe())
			.isEqualTo("demo: prepare-package (spring-boot:process-aot)");
		assertThat(maven.read("[INFO] Building jar: /tmp/demo/target/demo-0.0.1-SNAPSHOT.jar")).isNull();
	}

	private static List<String> fixture(String name) throws IOException {
		try (InputStream in = MavenOutputTest.class.getResourceAsStream("/maven-output/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

}
