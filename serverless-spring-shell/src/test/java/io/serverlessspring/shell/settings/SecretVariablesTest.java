package io.serverlessspring.shell.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretVariablesTest {

	@Test
	void namesThatSaySecretPasswordTokenCredentialPrivateOrKeyInAnyCaseAreSecret() {
		assertThat(new String[] { "DB_PASSWORD", "db_passwd", "SESSION_SECRET", "GITHUB_TOKEN", "AWS_CREDENTIALS",
				"PRIVATE_PEM", "Stripe_Api_Key", "SIGNING_KEY", "keystore" })
			.allMatch(SecretVariables::isSecret);
	}

	@Test
	void otherNamesAreNot() {
		assertThat(new String[] { "GREETING", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "SERVERLESS_STAGE", "" })
			.noneMatch(SecretVariables::isSecret);
		assertThat(SecretVariables.isSecret(null)).isFalse();
	}

}
