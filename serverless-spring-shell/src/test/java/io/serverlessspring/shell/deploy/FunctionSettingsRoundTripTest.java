package io.serverlessspring.shell.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function setting, through the console against serverless-local with the real SDK: deployed
 * and read back from the server, changed by one update of the same function (never deleted and
 * created again), then removed, after which the server reports Lambda's default. After every deploy
 * the next plan is empty, and the role grants what the setting needs only while it is set.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class FunctionSettingsRoundTripTest {

	private static final String ACCOUNT = "000000000000";

	private static final String SUBNET_A = "subnet-0a1b2c3d4e5f60001";

	private static final String SUBNET_B = "subnet-0a1b2c3d4e5f60002";

	private static final String GROUP = "sg-0a1b2c3d4e5f60001";

	private static final String VPC = "vpc:\n  subnet-ids: [" + SUBNET_A + "]\n  security-group-ids: [" + GROUP + "]\n";

	private static final String ACCESS_POINT = "arn:aws:elasticfilesystem:us-east-1:" + ACCOUNT + ":access-point/fsap-";

	private static LocalCloud cloud;

	private static LambdaClient lambda;

	private static IamClient iam;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	/**
	 * One setting: the {@code serverless.function} lines it adds to a base (needed by the setting,
	 * kept in every step), its first and its changed value, and what the server then reports.
	 */
	record Setting(String name, String base, String set, String changed, Function<String, Object> read,
			Object whenSet, Object whenChanged, Object byDefault, String grant) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Setting> settings() {
		return Stream.of(
				new Setting("vpc", "", VPC, VPC.replace("[" + SUBNET_A + "]", "[" + SUBNET_A + ", " + SUBNET_B + "]"),
						f -> vpc(configuration(f)), List.of(List.of(SUBNET_A), List.of(GROUP)),
						List.of(List.of(SUBNET_A, SUBNET_B), List.of(GROUP)), List.of(List.of(), List.of()),
						"ec2:CreateNetworkInterface"),
				new Setting("layers", "", "layers: [" + layer(0) + "]\n", "layers: [" + layer(1) + "]\n",
						f -> userLayers(configuration(f)), List.of(layer(0)), List.of(layer(1)), List.of(), null),
				new Setting("dead-letter-target", "",
						"dead-letter-target: arn:aws:sqs:us-east-1:" + ACCOUNT + ":failed-events\n",
						"dead-letter-target: arn:aws:sns:us-east-1:" + ACCOUNT + ":failed-events\n",
						f -> (configuration(f).deadLetterConfig() != null) ? configuration(f).deadLetterConfig().targetArn()
								: null,
						"arn:aws:sqs:us-east-1:" + ACCOUNT + ":failed-events",
						"arn:aws:sns:us-east-1:" + ACCOUNT + ":failed-events", null, "failed-events"),
				new Setting("tracing", "", "tracing: active\n", "tracing: pass-through\n",
						f -> configuration(f).tracingConfig().modeAsString(), "Active", "PassThrough", "PassThrough",
						"xray:PutTraceSegments"),
				new Setting("kms-key-arn", "", "kms-key-arn: arn:aws:kms:us-east-1:" + ACCOUNT + ":key/first\n",
						"kms-key-arn: arn:aws:kms:us-east-1:" + ACCOUNT + ":key/second\n",
						f -> configuration(f).kmsKeyArn(), "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/first",
						"arn:aws:kms:us-east-1:" + ACCOUNT + ":key/second", null, "kms:Decrypt"),
				new Setting("architecture", "", "architecture: arm64\n", "architecture: x86_64\n",
						f -> configuration(f).architecturesAsStrings(), List.of("arm64"), List.of("x86_64"),
						List.of("x86_64"), null),
				new Setting("ephemeral-storage", "", "ephemeral-storage: 1024\n", "ephemeral-storage: 2048\n",
						f -> configuration(f).ephemeralStorage().size(), 1024, 2048, 512, null),
				new Setting("reserved-concurrency", "", "reserved-concurrency: 5\n", "reserved-concurrency: 10\n",
						f -> lambda.getFunctionConcurrency(b -> b.functionName(f)).reservedConcurrentExecutions(), 5, 10,
						null, null),
				new Setting("provisioned-concurrency", "", "provisioned-concurrency: 1\n", "provisioned-concurrency: 2\n",
						FunctionSettingsRoundTripTest::provisioned, 1, 2, null, null),
				new Setting("snap-start", "", "snap-start: false\n", "snap-start: true\n",
						f -> configuration(f).snapStart().applyOnAsString(), "None", "PublishedVersions",
						"PublishedVersions", null),
				new Setting("file-systems", VPC,
						"file-systems:\n  - arn: " + ACCESS_POINT + "0123456789abcdef0\n    local-mount-path: /mnt/data\n",
						"file-systems:\n  - arn: " + ACCESS_POINT + "0fedcba9876543210\n    local-mount-path: /mnt/cache\n",
						f -> configuration(f).fileSystemConfigs()
							.stream()
							.map(c -> c.arn() + " " + c.localMountPath())
							.toList(),
						List.of(ACCESS_POINT + "0123456789abcdef0 /mnt/data"),
						List.of(ACCESS_POINT + "0fedcba9876543210 /mnt/cache"), List.of(), "elasticfilesystem:ClientMount"));
	}

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
		lambda = TestAwsClients.lambda(cloud.endpoint());
		iam = TestAwsClients.iam(cloud.endpoint());
		SdkBytes content = SdkBytes.fromByteArray(layerZip());
		String first = lambda.publishLayerVersion(b -> b.layerName("tools").content(c -> c.zipFile(content)))
			.layerVersionArn();
		String second = lambda.publishLayerVersion(b -> b.layerName("tools").content(c -> c.zipFile(content)))
			.layerVersionArn();
		assertThat(List.of(first, second)).containsExactly(layer(0), layer(1));
	}

	@AfterAll
	static void stopCloud() {
		if (lambda != null) {
			lambda.close();
			iam.close();
		}
		if (cloud != null) {
			cloud.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("settings")
	void isReadBackChangedInPlaceAndRemoved(Setting setting) {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		String function = "settings-" + setting.name();
		String common = " --package " + SamplePackage.zip(console) + " --project " + this.projectDir + " --endpoint-url "
				+ cloud.endpoint();
		TestProject project = new TestProject(this.projectDir);

		project.settings("application-dev.yml", stage(function, setting.base() + setting.set()));
		deploy(console, common);
		assertThat(setting.read().apply(function)).as(setting + " after the first deploy").isEqualTo(setting.whenSet());
		assertThat(configuration(function).layers()).as("the dependency layer stays")
			.anySatisfy(layer -> assertThat(layer.arn()).contains(":layer:serverless-spring-dependencies:"));
		if (setting.grant() != null) {
			assertThat(rolePolicy(function)).as("role grant").contains(setting.grant());
		}
		String functionArn = configuration(function).functionArn();

		project.settings("application-dev.yml", stage(function, setting.base() + setting.changed()));
		this.counter.reset();
		Run changed = deploy(console, common);
		assertThat(setting.read().apply(function)).as(setting + " after the change").isEqualTo(setting.whenChanged());
		assertThat(changed.output()).doesNotContain("create function", "delete function");
		assertThat(this.counter.mutations()).doesNotContain("Lambda.CreateFunction", "Lambda.DeleteFunction");
		assertThat(configuration(function).functionArn()).isEqualTo(functionArn);

		project.settings("application-dev.yml", stage(function, setting.base()));
		this.counter.reset();
		Run removed = deploy(console, common);
		assertThat(setting.read().apply(function)).as(setting + " after its removal").isEqualTo(setting.byDefault());
		assertThat(removed.output()).doesNotContain("create function", "delete function");
		assertThat(this.counter.mutations()).doesNotContain("Lambda.CreateFunction", "Lambda.DeleteFunction");
		if (setting.grant() != null && setting.base().isEmpty()) {
			assertThat(rolePolicy(function)).as("role grant after removal").doesNotContain(setting.grant());
		}

		Run undeploy = console.run("undeploy dev --yes --project " + this.projectDir + " --endpoint-url " + cloud.endpoint());
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
	}

	/** Deploys, then checks that planning again finds nothing to change (the setting reads back as written). */
	private static Run deploy(ConsoleDriver console, String common) {
		Run deploy = console.run("deploy dev --yes" + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		Run again = console.run("deploy dev --dry-run" + common);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).as("the plan right after a deploy").contains("nothing to change");
		return deploy;
	}

	private static String stage(String function, String functionLines) {
		return "serverless:\n  deploy:\n    touch: false\n  keep-warm:\n    enabled: false\n  function:\n    name: " + function
				+ "\n    memory: 512\n" + functionLines.indent(4);
	}

	private static GetFunctionConfigurationResponse configuration(String function) {
		return lambda.getFunctionConfiguration(b -> b.functionName(function));
	}

	private static List<List<String>> vpc(GetFunctionConfigurationResponse configuration) {
		if (configuration.vpcConfig() == null) {
			return List.of(List.of(), List.of());
		}
		return List.of(configuration.vpcConfig().subnetIds(), configuration.vpcConfig().securityGroupIds());
	}

	/** The layers besides the app's dependency layer, which deploy adds itself. */
	private static List<String> userLayers(GetFunctionConfigurationResponse configuration) {
		return configuration.layers()
			.stream()
			.map(Layer::arn)
			.filter(arn -> !arn.contains(":layer:serverless-spring-dependencies:"))
			.toList();
	}

	private static Integer provisioned(String function) {
		try {
			return lambda.getProvisionedConcurrencyConfig(b -> b.functionName(function).qualifier("live"))
				.requestedProvisionedConcurrentExecutions();
		}
		catch (ProvisionedConcurrencyConfigNotFoundException ex) {
			return null;
		}
	}

	private static String rolePolicy(String function) {
		return URLDecoder.decode(iam.getRolePolicy(b -> b.roleName(function + "-role").policyName("serverless-least-privilege"))
			.policyDocument(), StandardCharsets.UTF_8);
	}

	/** A version of the user's layer that {@link #startCloud()} publishes (the cases are built before it runs). */
	private static String layer(int index) {
		return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":layer:tools:" + (index + 1);
	}

	private static byte[] layerZip() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("java/lib/tools.txt"));
			zip.write("a user's layer".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
