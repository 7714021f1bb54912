package io.serverlessspring.shell.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigImportGrantsTest {

	@Test
	void eachImportedPathSecretAndTheRemoteEnvObjectIsNamedExactly() {
		ConfigImportGrants grants = ConfigImportGrants.of("eu-west-1", "123456789012",
				List.of("optional:aws-parameterstore:/petstore/prod/;/shared/?prefix=app.", "aws-secretsmanager:petstore/prod/db",
						"classpath:extra.yml", "aws-secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-AbCdEf"),
				"s3://petstore-config/prod/env.json");

		assertThat(grants.parameterPaths()).containsExactly("arn:aws:ssm:eu-west-1:123456789012:parameter/petstore/prod",
				"arn:aws:ssm:eu-west-1:123456789012:parameter/shared");
		assertThat(grants.secrets()).containsExactly(
				"arn:aws:secretsmanager:eu-west-1:123456789012:secret:petstore/prod/db-??????",
				"arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-AbCdEf");
		assertThat(grants.remoteEnvObject()).isEqualTo("arn:aws:s3:::petstore-config/prod/env.json");
	}

	@Test
	void noImportsGrantNothing() {
		ConfigImportGrants grants = ConfigImportGrants.of("eu-west-1", "123456789012", List.of(), null);

		assertThat(grants.parameterPaths()).isEmpty();
		assertThat(grants.secrets()).isEmpty();
		assertThat(grants.remoteEnvObject()).isNull();
	}

}
