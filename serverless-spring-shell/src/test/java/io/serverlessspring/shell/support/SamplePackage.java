package io.serverlessspring.shell.support;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petstore sample packaged once per test JVM by the console's own {@code package} command
 * (a real Maven build).
 */
public final class SamplePackage {

	private static final java.util.Map<String, Path> zips = new java.util.HashMap<>();

	/** A failed build is not retried by every test: the first failure is the answer. */
	private static final java.util.Map<String, String> failures = new java.util.HashMap<>();

	private SamplePackage() {
	}

	public static Path repositoryRoot() {
		String configured = System.getProperty("serverless.repository");
		if (configured != null) {
			return Path.of(configured);
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("samples/petstore/pom.xml"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return dir;
	}

	/** The sample packaged for the {@code dev} stage (Spring AOT fixes a package's profiles to its stage's). */
	public static Path zip(ConsoleDriver console) {
		return zip(console, "dev");
	}

	/** The sample packaged for {@code stage}, once per stage and test JVM. */
	public static synchronized Path zip(ConsoleDriver console, String stage) {
		assertThat(failures.get(stage)).as("packaging the sample failed earlier").isNull();
		Path zip = zips.get(stage);
		if (zip == null) {
			Path out = Path.of("target/it/petstore-" + stage + ".zip").toAbsolutePath();
			ConsoleDriver.Run run = console.run(
					"package " + stage + " --project " + repositoryRoot().resolve("samples/petstore") + " -o " + out);
			if (run.exitCode() != 0) {
				failures.put(stage, run.output());
			}
			assertThat(run.exitCode()).as(run.output()).isZero();
			zip = out;
			zips.put(stage, zip);
		}
		return zip;
	}

}
