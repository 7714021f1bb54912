package io.serverlessspring.shell.deploy;

import java.io.IOException;
import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.ModifiedPackage;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package of an app without the starter (no handler class in it) is refused before AWS is
 * changed, with the dependency to add; against moto, nothing is created.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class StarterlessDeployTest {

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path work;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Test
	void deployAndUpdateRefuseNamingTheStarterAndCreateNothing() throws IOException {
		moto.reset();
		ConsoleDriver console = new ConsoleDriver(this.runner);
		// The package as an app without the starter makes it: the same, minus the serverless jars.
		Path starterless = ModifiedPackage.without(SamplePackage.zip(console), "lib/serverless-",
				this.work.resolve("starterless.zip"));
		new TestProject(this.work).settings("application-dev.yml", "petstore:\n  greeting: hi\n");
		this.counter.reset();

		for (String command : new String[] { "deploy", "update" }) {
			Run run = console.run(command + " dev --yes --package " + starterless + " --project " + this.work
					+ " --endpoint-url " + moto.endpoint());

			assertThat(run.exitCode()).as(run.output()).isNotZero();
			assertThat(run.output()).contains("has no Lambda handler (io.serverlessspring.boot.handler.ServerlessHandler)")
				.contains("the app does not depend on the serverless starter")
				.contains("<artifactId>serverless-spring-boot-starter</artifactId>")
				.contains("Nothing was changed in AWS.");
		}
		assertThat(this.counter.mutations()).as("AWS calls that change something").isEmpty();
		// The credentials are checked (one read) before the package; nothing else is asked of AWS.
		assertThat(this.counter.calls()).as("AWS calls").containsOnly("Sts.GetCallerIdentity");
		TestAwsClients.assertNothingCreated(moto.endpoint(), "petstore-dev");
	}

}
