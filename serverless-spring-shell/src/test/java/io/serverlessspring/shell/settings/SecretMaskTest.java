package io.serverlessspring.shell.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {

	@Test
	void namesThatLookSecretAreMaskedInAnyCase() {
		assertThat(new String[] { "DB_PASSWORD", "db-passwd", "AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "STRIPE_KEY",
				"ENCRYPTION_KEY_B64", "signing-key", "GoogleCredentials", "PRIVATE_PEM", "BASIC_AUTH",
				"WEBHOOK_SIGNATURE", "SESSION_COOKIE" })
			.allMatch(SecretMask::looksSecret);
		assertThat(new String[] { "GREETING", "DB_URL", "REGION", "SPRING_PROFILES_ACTIVE", "memory", "names" })
			.noneMatch(SecretMask::looksSecret);
	}

	@Test
	void environmentKeepsNamesAndOtherValues() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("GREETING", "hello");
		environment.put("DB_PASSWORD", "s3cr3t");
		assertThat(SecretMask.environment(environment)).containsExactly(Map.entry("GREETING", "hello"),
				Map.entry("DB_PASSWORD", "****"));
	}

	@Test
	void namesThatSaySecretPasswordTokenCredentialPrivateOrKeyInAnyCaseAreSecret() {
		assertThat(new String[] { "DB_PASSWORD", "db_passwd", "SESSION_SECRET", "GITHUB_TOKEN", "AWS_CREDENTIALS",
				"PRIVATE_PEM", "Stripe_Api_Key", "SIGNING_KEY", "keystore" })
			.allMatch(SecretMask::looksSecret);
	}

	@Test
	void otherNamesAreNot() {
		assertThat(new String[] { "GREETING", "SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS", "SERVERLESS_STAGE", "" })
			.noneMatch(SecretMask::looksSecret);
		assertThat(SecretMask.looksSecret(null)).isFalse();
	}

}
