package io.serverlessspring.boot.secrets;

import io.serverlessspring.boot.configapp.ConfigTestApplication;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code spring.config.import} of {@code aws-parameterstore:} and {@code aws-secretsmanager:}
 * (Spring Cloud AWS) in a started app, against moto over HTTP. The endpoint comes the way it comes
 * inside Lambda or from the local cloud: the SDK's endpoint setting ({@code AWS_ENDPOINT_URL}, here
 * its system-property form {@code aws.endpointUrl}, since a test cannot set its own environment).
 */
class SecretsImportTest {

	static MotoServer moto;

	@BeforeAll
	static void storeParametersAndSecrets() {
		moto = MotoServer.shared();
		try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint())
			.httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
			ssm.putParameter((put) -> put.name("/secrets-test/prod/greeting").value("hello from ssm")
				.type(ParameterType.STRING).overwrite(true));
			ssm.putParameter((put) -> put.name("/secrets-test/prod/db.password").value("s3cr3t-pw")
				.type(ParameterType.SECURE_STRING).overwrite(true));
		}
		try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint())
			.httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
			if (secrets.listSecrets().secretList().stream().noneMatch((s) -> s.name().equals("secrets-test/prod/db"))) {
				secrets.createSecret((create) -> create.name("secrets-test/prod/db")
					.secretString("{\"db.username\":\"ada\",\"api.key\":\"k-123\"}"));
			}
		}
	}

	static ConfigurableApplicationContext start(String... args) {
		return ConfigTestApplication.startAgainst(moto.endpoint(), args);
	}

	@Test
	void importedParametersAndSecretsAreOrdinaryProperties() {
		try (ConfigurableApplicationContext app = start(
				"--spring.config.import=aws-parameterstore:/secrets-test/prod/,aws-secretsmanager:secrets-test/prod/db")) {
			assertThat(app.getEnvironment().getProperty("greeting")).isEqualTo("hello from ssm");
			// SecureString, decrypted.
			assertThat(app.getEnvironment().getProperty("db.password")).isEqualTo("s3cr3t-pw");
			assertThat(app.getEnvironment().getProperty("db.username")).isEqualTo("ada");
			assertThat(app.getEnvironment().getProperty("api.key")).isEqualTo("k-123");
			// The clients that read them are the app's beans, as Spring Cloud AWS hands them over.
			assertThat(app.getBeansOfType(SsmClient.class)).hasSize(1);
			assertThat(app.getBeansOfType(SecretsManagerClient.class)).hasSize(1);
		}
	}

	@Test
	void anAppThatImportsNothingBuildsNoSsmOrSecretsManagerClient() {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBeansOfType(SsmClient.class)).isEmpty();
			assertThat(app.getBeansOfType(SecretsManagerClient.class)).isEmpty();
		}
	}

	@Test
	void anAppCanStillAskForTheClientsWithoutAnImport() {
		// Spring Cloud AWS's own switch, which the default set here yields to: this is what would
		// otherwise happen to every app with the starter on its class path.
		try (ConfigurableApplicationContext app = start("--spring.cloud.aws.parameterstore.enabled=true",
				"--spring.cloud.aws.secretsmanager.enabled=true")) {
			assertThat(app.getBeansOfType(SsmClient.class)).hasSize(1);
			assertThat(app.getBeansOfType(SecretsManagerClient.class)).hasSize(1);
		}
	}

	@Test
	void anAppThatImportsOneServiceBuildsOnlyThatClient() {
		try (ConfigurableApplicationContext app = start("--spring.config.import=aws-parameterstore:/secrets-test/prod/")) {
			assertThat(app.getBeansOfType(SsmClient.class)).hasSize(1);
			assertThat(app.getBeansOfType(SecretsManagerClient.class)).isEmpty();
		}
	}

	@Test
	void aMissingParameterPathStopsStartUpNamingIt() {
		assertThatThrownBy(() -> start("--spring.config.import=aws-parameterstore:/secrets-test/nowhere/").close())
			.isInstanceOf(EmptyParameterPathCheck.MissingParametersException.class)
			.hasMessageContaining("no parameter found in SSM Parameter Store under /secrets-test/nowhere/")
			.hasMessageContaining("optional:aws-parameterstore:/secrets-test/nowhere/");
	}

	@Test
	void aMissingSecretStopsStartUpNamingIt() {
		assertThatThrownBy(() -> start("--spring.config.import=aws-secretsmanager:secrets-test/prod/nothing").close())
			.hasMessageContaining("secret secrets-test/prod/nothing: Secrets Manager can't find the specified secret");
	}

	@Test
	void optionalImportsThatFindNothingAreSkipped() {
		try (ConfigurableApplicationContext app = start(
				"--spring.config.import=optional:aws-parameterstore:/secrets-test/nowhere/,optional:aws-secretsmanager:secrets-test/prod/nothing")) {
			assertThat(app.getEnvironment().getProperty("greeting")).isEqualTo("from the package");
		}
	}

}
