package io.serverlessspring.shell.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.lambda.runtime.FunctionJvm;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code status} against serverless-local says which JDK the local cloud runs the function on when it
 * is not the runtime's (no JDK of that major version installed), in text and in {@code --json}.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class LocalJvmStatusTest {

	private static LocalCloud cloud;

	private static LambdaClient lambda;

	@Autowired
	private ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
		lambda = LambdaClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	@AfterAll
	static void stopCloud() {
		if (lambda != null) {
			lambda.close();
		}
		if (cloud != null) {
			cloud.close();
		}
	}

	@Test
	void statusNamesTheJdkTheLocalCloudRunsWhenItIsNotTheRuntimes() throws Exception {
		// a Java runtime whose JDK this machine lacks: the local cloud (in this JVM) falls back
		String missing = List.of("java25", "java21", "java17", "java11")
			.stream()
			.filter((runtime) -> !FunctionJvm.installed().choose(runtime).matches())
			.findFirst()
			.orElse(null);
		assumeTrue(missing != null, "every Java runtime's JDK is installed here");
		deploy("petstore-dev", missing);

		Run text = status("status dev");
		assertThat(text.exitCode()).as(text.output()).isZero();
		String major = missing.substring("java".length());
		assertThat(text.output()).containsPattern("runtime: " + missing + " \\(local cloud: no JDK " + major
				+ " found for " + missing + ": running on JDK " + Runtime.version().feature() + "[^)]*\\)")
			.contains("set SERVERLESS_LOCAL_JDK_" + major);

		Run json = status("status dev --json");
		assertThat(json.exitCode()).as(json.output()).isZero();
		JsonNode configuration = JsonMapper.builder().build().readTree(json.output()).path("configuration");
		assertThat(configuration.path("runtime").asString()).isEqualTo(missing);
		assertThat(configuration.path("localJvm").path("jdk").asString()).startsWith(Runtime.version().feature() + "");
		assertThat(configuration.path("localJvm").path("matchesRuntime").asBoolean(true)).isFalse();
		assertThat(configuration.path("localJvm").path("note").asString()).contains("no JDK " + major + " found");
	}

	@Test
	void statusAddsNothingWhenTheLocalCloudRunsTheRuntimesJdk() throws Exception {
		// this JVM's own major version is always installed
		String own = "java" + Runtime.version().feature();
		deploy("petstore-prod", own);

		Run text = status("status prod");
		assertThat(text.exitCode()).as(text.output()).isZero();
		assertThat(text.output()).contains("runtime: " + own + "\n").doesNotContain("local cloud:").doesNotContain("localJvm");

		Run json = status("status prod --json");
		JsonNode configuration = JsonMapper.builder().build().readTree(json.output()).path("configuration");
		assertThat(configuration.path("localJvm").path("matchesRuntime").asBoolean(false)).isTrue();
		assertThat(configuration.path("localJvm").has("note")).isFalse();
	}

	private Run status(String command) {
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n")
			.settings("application-prod.yml", "serverless:\n  function:\n    memory: 512\n");
		return new ConsoleDriver(this.runner).run(command + " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint());
	}

	private static void deploy(String function, String runtime) throws IOException {
		SdkBytes code = SdkBytes.fromByteArray(emptyZip());
		String role;
		try (IamClient iam = IamClient.builder()
			.endpointOverride(cloud.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			role = iam.createRole(b -> b.roleName(function + "-role").assumeRolePolicyDocument(
					"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
							+ "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"))
				.role()
				.arn();
		}
		lambda.createFunction(b -> b.functionName(function).role(role)
			.runtime(runtime)
			.handler("io.serverlessspring.boot.handler.ServerlessHandler::handleRequest")
			.code(c -> c.zipFile(code)));
		lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(function));
	}

	private static byte[] emptyZip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("placeholder.txt"));
			zip.write("empty".getBytes());
		}
		return bytes.toByteArray();
	}

}
