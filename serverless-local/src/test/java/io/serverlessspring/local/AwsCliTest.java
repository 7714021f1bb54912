package io.serverlessspring.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS CLI with {@code --endpoint-url} works against the local cloud (skipped where no {@code aws} is installed). */
class AwsCliTest {

	@BeforeAll
	static void requireCli() {
		Assumptions.assumeTrue(run("--version").exitCode == 0, "the AWS CLI is not installed (apt-get install awscli)");
	}

	@Test
	void listsFunctionsAndAnswersWhoIsCalling() {
		Result functions = run("--endpoint-url", SharedCloud.endpoint().toString(), "lambda", "list-functions");
		assertThat(functions.exitCode).as(functions.output).isZero();
		assertThat(functions.output).contains("\"Functions\"");
		Result identity = run("--endpoint-url", SharedCloud.endpoint().toString(), "sts", "get-caller-identity",
				"--query", "Account", "--output", "text");
		assertThat(identity.output.trim()).isEqualTo("000000000000");
	}

	@Test
	void reportsAwsErrorCodes() {
		Result missing = run("--endpoint-url", SharedCloud.endpoint().toString(), "lambda", "get-function", "--function-name",
				"cli-missing");
		assertThat(missing.exitCode).isNotZero();
		assertThat(missing.output).contains("ResourceNotFoundException");
	}

	@Test
	void storesAndReadsParametersAndSecrets() {
		String endpoint = SharedCloud.endpoint().toString();
		assertThat(run("--endpoint-url", endpoint, "ssm", "put-parameter", "--name", "/cli/prod/password", "--value", "cli-s3cr3t",
				"--type", "SecureString").exitCode).isZero();
		Result parameters = run("--endpoint-url", endpoint, "ssm", "get-parameters-by-path", "--path", "/cli/prod/",
				"--recursive", "--with-decryption", "--query", "Parameters[0].Value", "--output", "text");
		assertThat(parameters.output.trim()).as(parameters.output).isEqualTo("cli-s3cr3t");
		assertThat(run("--endpoint-url", endpoint, "secretsmanager", "create-secret", "--name", "cli/prod/db", "--secret-string",
				"{\"password\":\"p\"}").exitCode).isZero();
		Result secret = run("--endpoint-url", endpoint, "secretsmanager", "get-secret-value", "--secret-id", "cli/prod/db",
				"--query", "SecretString", "--output", "text");
		assertThat(secret.output.trim()).as(secret.output).isEqualTo("{\"password\":\"p\"}");
		Result missing = run("--endpoint-url", endpoint, "secretsmanager", "get-secret-value", "--secret-id", "cli/none");
		assertThat(missing.output).contains("ResourceNotFoundException");
	}

	@Test
	void passesStrictAuthWithTheConfiguredKeyPairOnly(@TempDir Path files) throws IOException {
		try (LocalCloud strict = LocalCloud.start(LocalCloudOptions.defaults().withPort(0).withStrictAuth("AKIDCLI", "cli-secret"))) {
			String endpoint = strict.endpoint().toString();
			Path upload = Files.writeString(files.resolve("upload.txt"), "from the cli");
			assertThat(runAs("AKIDCLI", "cli-secret", "--endpoint-url", endpoint, "lambda", "list-functions").exitCode).isZero();
			Result bucket = runAs("AKIDCLI", "cli-secret", "--endpoint-url", endpoint, "s3", "mb", "s3://cli-strict");
			assertThat(bucket.exitCode).as(bucket.output).isZero();
			Result copy = runAs("AKIDCLI", "cli-secret", "--endpoint-url", endpoint, "s3", "cp", upload.toString(),
					"s3://cli-strict/dir/a b.txt");
			assertThat(copy.exitCode).as(copy.output).isZero();
			Result listing = runAs("AKIDCLI", "cli-secret", "--endpoint-url", endpoint, "s3", "ls", "s3://cli-strict/dir/");
			assertThat(listing.output).as(listing.output).contains("a b.txt");
			Result identity = runAs("AKIDCLI", "cli-secret", "--endpoint-url", endpoint, "sts", "get-caller-identity");
			assertThat(identity.exitCode).as(identity.output).isZero();

			Result wrongLambda = runAs("AKIDCLI", "wrong-secret", "--endpoint-url", endpoint, "lambda", "list-functions");
			assertThat(wrongLambda.exitCode).isNotZero();
			assertThat(wrongLambda.output).contains("InvalidSignatureException");
			Result wrongS3 = runAs("AKIDCLI", "wrong-secret", "--endpoint-url", endpoint, "s3api", "list-objects-v2", "--bucket",
					"cli-strict");
			assertThat(wrongS3.output).contains("SignatureDoesNotMatch");
		}
	}

	private record Result(int exitCode, String output) {
	}

	private static Result run(String... arguments) {
		return runAs("test", "test", arguments);
	}

	private static Result runAs(String accessKeyId, String secretAccessKey, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add("aws");
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("AWS_ACCESS_KEY_ID", accessKeyId);
		builder.environment().put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
		builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
		builder.environment().put("AWS_PAGER", "");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, output);
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

}
