package io.serverlessspring.shell.commands;

import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code template} from the command line, with the petstore sample's package: no AWS call is made. */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class TemplateCommandTest {

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@Test
	void writesTheStageWithItsSecretsAsParametersToGiveAtDeployTime() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console);
		new TestProject(this.projectDir).settings("application-prod.yml", """
				serverless:
				  function:
				    environment:
				      DB_PASSWORD: hunter2-db
				      GREETING: hello
				""");
		Path file = this.projectDir.resolve("out/prod.yml");

		Run run = console.run("template prod --package " + zip + " --project " + this.projectDir + " -o " + file);

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Wrote " + file, "(cloudformation)", "aws s3 cp " + zip,
				"give EnvDBPASSWORD when you create the stack");
		String yaml = Files.readString(file);
		assertThat(yaml).contains("NoEcho: true", "Ref: EnvDBPASSWORD", "GREETING: hello").doesNotContain("hunter2-db");
		assertThat(run.output()).doesNotContain("hunter2-db");
	}

}
