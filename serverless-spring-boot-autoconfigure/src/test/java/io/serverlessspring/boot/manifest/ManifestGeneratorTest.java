package io.serverlessspring.boot.manifest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.boot.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest, computed from the app's classes and the stage's properties without starting the app. */
class ManifestGeneratorTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void writesTheDocumentedManifestForTheStage() throws Exception {
		int status = run("--main-class", "io.serverlessspring.boot.testapp.RuntimeTestApplication", "--stage", "dev",
				"--project-dir", projectDir().toString());

		assertThat(status).as(this.err.toString()).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo(Fixtures.event("../manifest/petstore-dev.json"));
	}

	@Test
	void writesTheFileTheConsoleAsksForInAChildJvm(@TempDir Path dir) throws Exception {
		Path output = dir.resolve("target/serverless/serverless-manifest.json");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ManifestGenerator.class.getName(), "--main-class",
				"io.serverlessspring.boot.testapp.RuntimeTestApplication", "--stage", "dev", "--project-dir",
				projectDir().toString(), "--output", output.toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor()).as(log).isZero();
		assertThat(Files.readString(output)).isEqualTo(Fixtures.event("../manifest/petstore-dev.json"));
	}

	@Test
	void aScheduleEventBridgeCannotRunFailsNamingTheMethodAndWritesNothing(@TempDir Path dir) {
		Path output = dir.resolve("serverless-manifest.json");

		int status = run("--main-class", "io.serverlessspring.boot.badapp.BadScheduleApplication", "--stage",
				"dev", "--output", output.toString());

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString()).contains("@Scheduled on io.serverlessspring.boot.badapp."
				+ "BadScheduleApplication$Ticker.tick(): rate 30s is under a minute");
		assertThat(output).doesNotExist();
	}

	@Test
	void remoteConfigImportsAreNotReadWhileGenerating(@TempDir Path withImports, @TempDir Path without) throws Exception {
		for (Path dir : new Path[] { withImports, without }) {
			try (var files = Files.list(projectDir())) {
				for (Path file : files.toList()) {
					Files.copy(file, dir.resolve(file.getFileName()));
				}
			}
		}
		// Nothing listens there: reading either import would fail the generation.
		Files.writeString(withImports.resolve("application-prod.yml"), """
				spring:
				  config:
				    import:
				      - aws-parameterstore:/petstore/prod/
				      - aws-secretsmanager:petstore/prod/db
				  cloud:
				    aws:
				      endpoint: http://127.0.0.1:9
				      region:
				        static: eu-west-1
				""");

		int status = run("--main-class", "io.serverlessspring.boot.testapp.RuntimeTestApplication", "--stage", "prod",
				"--project-dir", withImports.toString());
		String manifest = this.out.toString(StandardCharsets.UTF_8);
		this.out.reset();

		assertThat(status).as(this.err.toString()).isZero();
		assertThat(run("--main-class", "io.serverlessspring.boot.testapp.RuntimeTestApplication", "--stage", "prod",
				"--project-dir", without.toString())).isZero();
		assertThat(manifest).isEqualTo(this.out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void badArgumentsAreNamed() {
		assertThat(run("--stage", "dev")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--main-class is required");
		this.err.reset();
		assertThat(run("--main-class", "com.example.Missing", "--stage", "dev")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--main-class com.example.Missing is not on the class path");
		this.err.reset();
		assertThat(run("--main-class", "x.Y", "--stage", "dev", "--project-dir", "/no/such/dir")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--project-dir /no/such/dir is not a directory");
		this.err.reset();
		assertThat(run("--main-class", "x.Y", "--stage", "dev prod")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--stage 'dev prod' may only contain letters, digits, - and _");
	}

	private int run(String... args) {
		return ManifestGenerator.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	static Path projectDir() throws URISyntaxException {
		return Path.of(ManifestGeneratorTest.class.getResource("/manifest-project/application.yml").toURI()).getParent();
	}

}
