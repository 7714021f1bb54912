package io.serverlessspring.shell.deploy;

import java.nio.file.Path;
import java.util.Map;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage that extends another is deployed with the other's settings under its own, and the function
 * starts with the whole chain of profiles, so it reads at run time what the console read (moto, real SDK).
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class ExtendedStageDeployTest {

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Test
	void prodExtendingDevDeploysBothFilesAndStartsWithDevThenProd() {
		moto.reset();
		new TestProject(this.projectDir)
			.settings("application-dev.yml", """
					serverless:
					  function:
					    memory: 512
					    environment:
					      GREETING: from-dev
					""")
			.settings("application-prod.yml", """
					serverless:
					  stage:
					    extends: dev
					  function:
					    memory: 1024
					""");
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console);

		Run deploy = console.run("deploy prod -y --package " + zip + " --project " + this.projectDir + " --endpoint-url "
				+ moto.endpoint());

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			GetFunctionConfigurationResponse function = lambda.getFunctionConfiguration((b) -> b.functionName("petstore-prod"));
			Map<String, String> environment = function.environment().variables();
			assertThat(function.memorySize()).isEqualTo(1024);
			assertThat(environment).containsEntry("GREETING", "from-dev")
				.containsEntry("SPRING_PROFILES_ACTIVE", "dev,prod")
				.containsEntry("SERVERLESS_PROFILES", "dev,prod")
				.containsEntry("SERVERLESS_STAGE", "prod");
		}
	}

}
