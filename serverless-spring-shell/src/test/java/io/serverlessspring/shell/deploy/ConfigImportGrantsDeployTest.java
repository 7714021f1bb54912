package io.serverlessspring.shell.deploy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
import software.amazon.awssdk.services.iam.IamClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution role follows the stage's {@code spring.config.import} and remote env: exactly the
 * imported parameter paths, secrets and object, and a removed import takes its grant away (moto, real SDK).
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class ConfigImportGrantsDeployTest {

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
	void theRoleNamesExactlyWhatIsImportedAndForgetsWhatIsNoLonger() {
		moto.reset();
		TestProject project = new TestProject(this.projectDir).settings("application-dev.yml", """
				spring:
				  config:
				    import: "optional:aws-parameterstore:/petstore/dev/, aws-secretsmanager:petstore/dev/db"
				serverless:
				  function:
				    remote-env: s3://petstore-config/dev/env.json
				""");
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console);

		assertThat(deploy(console, zip).exitCode()).isZero();

		String policy = policy();
		assertThat(policy).contains("\"Sid\":\"ConfigParameters\"", "\"ssm:GetParametersByPath\"",
				"\"arn:aws:ssm:us-east-1:123456789012:parameter/petstore/dev\"", "\"secretsmanager:GetSecretValue\"",
				"\"arn:aws:secretsmanager:us-east-1:123456789012:secret:petstore/dev/db-??????\"", "\"s3:GetObject\"",
				"\"arn:aws:s3:::petstore-config/dev/env.json\"");
		assertThat(policy).doesNotContain("parameter/*", "secret:*");

		project.settings("application-dev.yml", """
				spring:
				  config:
				    import: "optional:aws-parameterstore:/petstore/dev/"
				""");
		Run again = deploy(console, zip);

		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("update role policy petstore-dev-role");
		assertThat(policy()).contains("parameter/petstore/dev").doesNotContain("secretsmanager", "s3:GetObject");
	}

	private Run deploy(ConsoleDriver console, Path zip) {
		return console.run("deploy dev -y --package " + zip + " --project " + this.projectDir + " --endpoint-url "
				+ moto.endpoint());
	}

	private static String policy() {
		try (IamClient iam = TestAwsClients.iam(moto.endpoint())) {
			String document = iam.getRolePolicy((b) -> b.roleName("petstore-dev-role").policyName("serverless-least-privilege"))
				.policyDocument();
			return URLDecoder.decode(document, StandardCharsets.UTF_8).replace(" ", "");
		}
	}

}
