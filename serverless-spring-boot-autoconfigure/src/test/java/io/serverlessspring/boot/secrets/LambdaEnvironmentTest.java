package io.serverlessspring.boot.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.serverlessspring.boot.configapp.PrintPropertiesMain;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports and the remote env in a JVM configured only the way Lambda configures a function: region,
 * credentials and (for a local cloud) the endpoint in environment variables, nothing in properties.
 */
class LambdaEnvironmentTest {

	@Test
	void regionCredentialsAndEndpointComeFromTheEnvironment() throws Exception {
		MotoServer moto = MotoServer.shared();
		try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint())
			.httpClientBuilder(UrlConnectionHttpClient.builder()).build();
				SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(moto.endpoint())
					.httpClientBuilder(UrlConnectionHttpClient.builder()).build();
				S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true)
					.httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
			ssm.putParameter((put) -> put.name("/lambda-env-test/prod/db.password").value("pw-from-ssm")
				.type(ParameterType.SECURE_STRING).overwrite(true));
			if (secrets.listSecrets().secretList().stream().noneMatch((s) -> s.name().equals("lambda-env-test/prod/api"))) {
				secrets.createSecret((create) -> create.name("lambda-env-test/prod/api").secretString("{\"api.key\":\"k-env\"}"));
			}
			if (s3.listBuckets().buckets().stream().noneMatch((b) -> b.name().equals("lambda-env-test"))) {
				s3.createBucket((create) -> create.bucket("lambda-env-test"));
			}
			s3.putObject((put) -> put.bucket("lambda-env-test").key("prod/env.json"),
					RequestBody.fromString("{\"greeting\": \"from s3\"}"));
		}

		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "-Dlogging.level.root=WARN",
				"-Dprint=db.password,api.key,greeting", PrintPropertiesMain.class.getName(),
				"--spring.config.import=aws-parameterstore:/lambda-env-test/prod/,aws-secretsmanager:lambda-env-test/prod/api",
				"--serverless.function.remote-env=s3://lambda-env-test/prod/env.json"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("AWS_"));
		env.putAll(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
				"AWS_SESSION_TOKEN", "session", "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_CONFIG_FILE",
				"/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_EC2_METADATA_DISABLED", "true"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("property db.password=pw-from-ssm", "property api.key=k-env",
				"property greeting=from s3");
	}

}
