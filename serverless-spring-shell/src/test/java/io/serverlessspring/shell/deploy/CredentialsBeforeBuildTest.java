package io.serverlessspring.shell.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy and update against AWS without credentials say so before building: no Maven run, no
 * {@code target/serverless}. The build's environment has test keys, so "no credentials" is a
 * profile that the (empty, {@code AWS_SHARED_CREDENTIALS_FILE=/dev/null}) credentials file lacks:
 * the SDK fails the same way as with no keys at all, before any HTTP call.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class CredentialsBeforeBuildTest {

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path project;

	@Test
	void deployAndUpdateWithoutCredentialsFailBeforeTheBuild() throws IOException {
		new TestProject(this.project).settings("application-prod.yml",
				"serverless:\n  deploy:\n    region: eu-west-1\n");
		// a project Maven could build: without the early check the command would start the build
		Files.writeString(this.project.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <groupId>com.example</groupId>
				  <artifactId>demo</artifactId>
				  <version>0.0.1</version>
				</project>
				""");
		ConsoleDriver console = new ConsoleDriver(this.runner);

		for (String command : new String[] { "deploy", "update" }) {
			Run run = console.run(command + " prod --yes --profile no-such-profile --project " + this.project);

			assertThat(run.exitCode()).as(run.output()).isNotZero();
			assertThat(run.output()).contains("No AWS credentials were found.")
				.doesNotContain("Building")
				.doesNotContain("Packaged");
			assertThat(this.project.resolve("target")).doesNotExist();
		}
	}

}
