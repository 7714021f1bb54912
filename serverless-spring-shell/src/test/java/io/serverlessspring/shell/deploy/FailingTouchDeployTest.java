package io.serverlessspring.shell.deploy;

import java.nio.file.Path;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.ModifiedPackage;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What deploy says when the touch fails, against the local cloud that runs the function for real:
 * a function that cannot start fails the deploy with its init error from the log; a path that
 * answers 404 is a warning with the response, never "Touched" with a curl to try.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class FailingTouchDeployTest {

	private static LocalCloud cloud;

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path work;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		if (cloud != null) {
			cloud.close();
		}
	}

	@AfterEach
	void undeploy() {
		new ConsoleDriver(this.runner).run("undeploy dev --yes --remove-logs --project " + this.work + " --endpoint-url "
				+ cloud.endpoint());
	}

	@Test
	void aFunctionThatCannotStartFailsTheDeployWithItsInitErrorFromTheLog() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		// The app class named in the package does not exist: the handler cannot start Spring.
		Path broken = ModifiedPackage.withEntry(SamplePackage.zip(console), "META-INF/MANIFEST.MF",
				"Manifest-Version: 1.0\r\nStart-Class: com.example.MissingApplication\r\n\r\n",
				this.work.resolve("broken.zip"));
		new TestProject(this.work).settings("application-dev.yml", "serverless:\n  deploy:\n    touch-path: /hello\n");

		Run deploy = console.run("deploy dev --yes --package " + broken + " --project " + this.work + " --endpoint-url "
				+ cloud.endpoint());

		assertThat(deploy.exitCode()).as(deploy.output()).isNotZero();
		assertThat(deploy.output()).contains("Deployed petstore-dev version 1, but it does not answer: GET ")
			.contains("The function's log (/aws/lambda/petstore-dev) says:")
			.contains("com.example.MissingApplication")
			.contains("'tail dev'")
			.doesNotContain("Touched ")
			.doesNotContain("Try: curl");
	}

	@Test
	void aPathThatAnswers404IsAWarningWithTheResponseAndNoCurlToTry() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		new TestProject(this.work).settings("application-dev.yml",
				"serverless:\n  deploy:\n    touch-path: /no-such-path\n");

		Run deploy = console.run("deploy dev --yes --package " + SamplePackage.zip(console) + " --project " + this.work
				+ " --endpoint-url " + cloud.endpoint());

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		assertThat(deploy.output()).containsPattern("Warning: GET \\S+/no-such-path answered HTTP 404")
			.contains("set serverless.deploy.touch-path to a GET path that answers")
			.doesNotContain("Touched ")
			.doesNotContain("Try: curl");
	}

	@Test
	void withoutATouchPathTheAppsOwnGetMappingIsTouched() {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		new TestProject(this.work).settings("application-dev.yml", "petstore:\n  greeting: hi\n");

		Run deploy = console.run("deploy dev --yes --package " + SamplePackage.zip(console) + " --project " + this.work
				+ " --endpoint-url " + cloud.endpoint());

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		// The petstore's controllers map no '/': the shortest GET mapping they have is /pets.
		assertThat(deploy.output()).containsPattern("Touched \\S+/pets: HTTP 200").containsPattern("(?m)^Try: curl \\S+/pets$");
	}

}
