package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every setting is checked before anything is built or called, and all problems are named at once. */
class StageSettingsValidatorTest {

	@TempDir
	Path project;

	private final StageSettingsLoader loader = new StageSettingsLoader(SettingsMetadata.load());

	@Test
	void everyBadSettingIsNamedWithItsFileAndLineInOneRun() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  deploy:
				    region: mars-north-9
				    touch-path: hello
				  http: {type: alb,
				    alb: {listener-protocol: HTTPS}}
				  keep-warm:
				    expression: rate(3 minute)
				  function:
				    environment:
				      AWS_REGION: eu-west-1
				      "[bad key!]": x
				      GREETING: hello
				""");

		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3: serverless.deploy.region = 'mars-north-9' is not a region "
					+ "the AWS SDK knows (did you mean ")
			.hasMessageContaining("set serverless.deploy.allow-unknown-region: true")
			.hasMessageContaining("application-dev.yml line 4: serverless.deploy.touch-path = 'hello' is not valid: "
					+ "expected a path starting with /")
			.hasMessageContaining("application-dev.yml line 6: serverless.http.alb.listener-protocol = HTTPS needs "
					+ "serverless.http.alb.certificate-arn")
			.hasMessageContaining("application-dev.yml line 8: serverless.keep-warm.expression = 'rate(3 minute)' is not "
					+ "valid: Use the singular unit for a rate of 1 and the plural otherwise")
			.hasMessageContaining("application-dev.yml line 11: environment variable 'AWS_REGION' is reserved by Lambda")
			.hasMessageContaining("environment variable 'bad key!' is not a valid name: Lambda takes a letter followed "
					+ "by letters, digits or _");
	}

	@Test
	void fileSystemsAreCheckedAsLambdaWouldEachNamedByItsProperty() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    file-systems:
				      - arn: arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0
				        local-mount-path: /data
				      - arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0
				        local-mount-path: /mnt/cache
				""");

		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 4: serverless.function.file-systems names 2 file systems: "
					+ "Lambda mounts at most 1 per function")
			.hasMessageContaining("application-dev.yml line 4: serverless.function.file-systems needs "
					+ "serverless.function.vpc.subnet-ids and security-group-ids")
			.hasMessageContaining("application-dev.yml line 4: serverless.function.file-systems[0].arn = "
					+ "'arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0' is not an EFS "
					+ "access point ARN")
			.hasMessageContaining("application-dev.yml line 5: serverless.function.file-systems[0].local-mount-path = "
					+ "'/data' is not valid: expected /mnt/ and a name")
			.satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("file-systems[1]"));
	}

	@Test
	void aFileSystemInTheFunctionsVpcIsTaken() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    vpc:
				      subnet-ids: [subnet-0123456789abcdef0]
				      security-group-ids: [sg-0123456789abcdef0]
				    file-systems:
				      - arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0
				        local-mount-path: /mnt/data
				""");

		assertThat(this.loader.load(this.project, "dev").properties().getFunction().getFileSystems())
			.singleElement()
			.satisfies(mount -> assertThat(mount.getLocalMountPath()).isEqualTo("/mnt/data"));
	}

	@Test
	void aCronThatEventBridgeRefusesIsNamed() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  keep-warm:
				    expression: cron(*/5 * * * *)
				""");

		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3: serverless.keep-warm.expression = 'cron(*/5 * * * *)' "
					+ "is not valid: ");
	}

	@Test
	void aRegionNewerThanTheConsoleIsTakenWhenAllowed() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  deploy:
				    region: mars-north-9
				    allow-unknown-region: true
				""");

		assertThat(this.loader.load(this.project, "dev").properties().getDeploy().getRegion()).isEqualTo("mars-north-9");
	}

	@Test
	void anEnvironmentOverLambdasFourKilobytesIsRefused() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless:\n  function:\n    environment:\n      BIG: " + "x".repeat(5000) + "\n");

		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("serverless.function.environment is 5003 bytes: Lambda takes at most 4096 bytes");
	}

	@Test
	void aValidStagePasses() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  deploy:
				    region: eu-west-1
				    touch-path: /hello
				  keep-warm:
				    enabled: true
				    expression: cron(0/5 8-18 ? * MON-FRI *)
				  function:
				    environment:
				      GREETING: hello
				""");

		assertThat(this.loader.load(this.project, "dev").functionName()).isEqualTo("shop-dev");
	}

	private void write(String name, String content) throws IOException {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(name), content);
	}

}
