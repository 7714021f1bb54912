package io.serverlessspring.shell.cli;

import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a script relies on: exit codes that mean what they say, and errors that name the fix. */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class ScriptedUseTest {

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	ConsoleDriver console;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		this.console = new ConsoleDriver(this.runner);
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
	}

	@Test
	void aConfirmationThatCannotBeAskedIsAUsageErrorNamingYesAndChangesNothing() {
		Path zip = SamplePackage.zip(this.console);
		assertThat(this.console.run(stage("deploy dev -y --package " + zip)).exitCode()).isZero();
		this.counter.reset();

		Run undeploy = this.console.run(stage("undeploy dev"));

		assertThat(undeploy.exitCode()).as(undeploy.output()).isEqualTo(2);
		assertThat(undeploy.output()).contains("no terminal", "pass --yes", "Nothing changed.");
		assertThat(this.counter.mutations()).isEmpty();
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			assertThat(lambda.listFunctions().functions()).extracting((f) -> f.functionName()).containsExactly("petstore-dev");
		}
	}

	@Test
	void anOptionTheCommandDoesNotTakeNamesTheCommandsOptions() {
		Run run = this.console.run("tail dev --yes");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).contains("tail has no option '--yes'; its options are --since", "--no-follow",
				"See 'tail --help'.");
	}

	@Test
	void versionIsOursAndNamesWhatItRunsOn() {
		Run run = this.console.run("version");

		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).startsWith("Serverless Spring ")
			.contains("Spring Boot " + SpringBootVersion.getVersion(), "AWS SDK for Java " + VersionInfo.SDK_VERSION);
		assertThat(this.console.run("version --json").output()).contains("\"springBoot\" : \"" + SpringBootVersion.getVersion());
	}

	private String stage(String command) {
		return command + " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
	}


}
