package io.serverlessspring.shell.commands;

import java.net.URI;
import java.nio.file.Path;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage with bad settings is refused before the package is built or AWS is called: against moto
 * and the local cloud, the command fails naming every bad setting, makes no AWS call and leaves
 * nothing behind.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class BadSettingsDeployTest {

	private static final String BAD_STAGE = """
			serverless:
			  deploy:
			    region: mars-north-9
			  http:
			    type: alb
			    alb:
			      listener-protocol: HTTPS
			  keep-warm:
			    enabled: true
			    expression: rate(0 minutes)
			  function:
			    environment:
			      AWS_REGION: eu-west-1
			      "[bad key!]": x
			""";

	private static MotoServer moto;

	private static LocalCloud cloud;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	@BeforeAll
	static void startClouds() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		cloud.close();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		new TestProject(this.projectDir).settings("application-dev.yml", BAD_STAGE);
		this.counter.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "moto", "local" })
	void deployWithBadSettingsNamesThemAllAndCreatesNothing(String target) {
		URI endpoint = "moto".equals(target) ? moto.endpoint() : cloud.endpoint();

		Run run = new ConsoleDriver(this.runner)
			.run("deploy dev --yes --project " + this.projectDir + " --endpoint-url " + endpoint);

		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("serverless.deploy.region = 'mars-north-9'",
				"serverless.http.alb.listener-protocol = HTTPS needs serverless.http.alb.certificate-arn", "serverless.keep-warm.expression = 'rate(0 minutes)'",
				"environment variable 'AWS_REGION' is reserved by Lambda", "environment variable 'bad key!'");
		assertThat(this.counter.calls()).as("AWS calls").isEmpty();
		TestAwsClients.assertNothingCreated(endpoint, "petstore-dev");
	}

}
