package io.serverlessspring.shell.support;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petstore sample packaged once per test JVM by the console's own {@code package} command
 * (a real Maven build).
 */
public final class SamplePackage {

	private static Path zip;

	/** A failed build is not retried by every test: the first failure is the answer. */
	private static String failure;

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

	public static synchronized Path zip(ConsoleDriver console) {
		assertThat(failure).as("packaging the sample failed earlier").isNull();
		if (zip == null) {
			Path out = Path.of("target/it/petstore-local.zip").toAbsolutePath();
			ConsoleDriver.Run run = console
				.run("package local --project " + repositoryRoot().resolve("samples/petstore") + " -o " + out);
			if (run.exitCode() != 0) {
				failure = run.output();
			}
			assertThat(run.exitCode()).as(run.output()).isZero();
			zip = out;
		}
		return zip;
	}

}
