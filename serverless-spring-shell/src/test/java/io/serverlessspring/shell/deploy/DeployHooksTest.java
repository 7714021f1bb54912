package io.serverlessspring.shell.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.MutationCounting;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestAwsClients;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serverless.hooks.before-package} and {@code .after-deploy} against moto: what they see in
 * their environment, that a failing before-hook stops everything before AWS changes, and that a
 * failing after-hook fails the command with its exit code while the deploy stands.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, MutationCounting.class },
		properties = "spring.shell.interactive.enabled=false")
class DeployHooksTest {

	// Records what a hook sees, prints a line, exits with the code given: sh hook.sh NAME EXIT
	private static final String HOOK = """
			env | grep -E '^(SERVERLESS_|AWS_ENDPOINT_URL=|AWS_REGION=)' | sort > "$1-env.txt"
			pwd > "$1-dir.txt"
			echo "hook $1 says hello"
			exit "$2"
			""";

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@TempDir
	Path projectDir;

	ConsoleDriver console;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() throws IOException {
		moto.reset();
		this.console = new ConsoleDriver(this.runner);
		Files.writeString(this.projectDir.resolve("hook.sh"), HOOK);
	}

	@Test
	void aFailingBeforePackageHookStopsDeployBeforeAnythingInAwsChanges() throws IOException {
		hooks("sh hook.sh before 3", null);
		this.counter.reset();

		Run deploy = this.console.run(stage("deploy dev --yes"));

		assertThat(deploy.exitCode()).as(deploy.output()).isEqualTo(1);
		assertThat(deploy.output()).contains("Running serverless.hooks.before-package: sh hook.sh before 3",
				"  | hook before says hello",
				"Error: serverless.hooks.before-package failed with exit code 3 (sh hook.sh before 3). Nothing was packaged or deployed.")
			.doesNotContain("Building");
		assertThat(this.counter.mutations()).isEmpty();
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint()); IamClient iam = TestAwsClients.iam(moto.endpoint())) {
			assertThat(lambda.listFunctions().functions()).isEmpty();
			assertThat(iam.listRoles().roles()).isEmpty();
		}
		assertThat(lines("before-env.txt")).contains("SERVERLESS_STAGE=dev", "SERVERLESS_FUNCTION_NAME=petstore-dev",
				"AWS_ENDPOINT_URL=" + moto.endpoint(), "AWS_REGION=us-east-1");
		assertThat(lines("before-dir.txt")).containsExactly(this.projectDir.toRealPath().toString());
	}

	@Test
	void packageRunsTheBeforePackageHookAndStopsWhenItFails() throws IOException {
		hooks("sh hook.sh before 5", null);

		Run pkg = this.console.run("package dev --project " + this.projectDir);

		assertThat(pkg.exitCode()).as(pkg.output()).isEqualTo(1);
		assertThat(pkg.output()).contains("serverless.hooks.before-package failed with exit code 5").doesNotContain("Package:");
		// package reaches no AWS: the hook gets the stage and function, no endpoint.
		assertThat(lines("before-env.txt")).contains("SERVERLESS_STAGE=dev", "SERVERLESS_FUNCTION_NAME=petstore-dev")
			.noneMatch(line -> line.startsWith("AWS_ENDPOINT_URL="));
	}

	@Test
	void afterDeployHookSeesTheUrlAndVersionAndItsFailureFailsTheCommandWhileTheDeployStands() throws IOException {
		Path zip = SamplePackage.zip(this.console);
		hooks("sh hook.sh before 9", "sh hook.sh after 0");

		Run deploy = this.console.run(stage("deploy dev --yes --package " + zip));

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		// A given zip is not packaged: the before-package hook does not run (it ran when 'package' made the zip).
		assertThat(deploy.output()).doesNotContain("before-package").contains("Running serverless.hooks.after-deploy: sh hook.sh after 0",
				"  | hook after says hello", "serverless.hooks.after-deploy done in");
		String url = url(deploy.output());
		assertThat(lines("after-env.txt")).contains("SERVERLESS_STAGE=dev", "SERVERLESS_FUNCTION_NAME=petstore-dev",
				"SERVERLESS_URL=" + url, "SERVERLESS_VERSION=1", "AWS_ENDPOINT_URL=" + moto.endpoint());

		hooks(null, "sh hook.sh after 4");
		Run again = this.console.run(stage("deploy dev --yes --package " + zip));

		// Nothing to change, and the after-deploy hook still runs: it is what follows every deploy.
		assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
		assertThat(again.output()).contains("nothing to change",
				"Error: serverless.hooks.after-deploy failed with exit code 4 (sh hook.sh after 4). The deploy itself succeeded: version 1 is live.");
		try (LambdaClient lambda = TestAwsClients.lambda(moto.endpoint())) {
			assertThat(lambda.getAlias(alias -> alias.functionName("petstore-dev").name("live")).functionVersion()).isEqualTo("1");
		}
	}

	@Test
	void aDryRunRunsNoHook() throws IOException {
		Path zip = SamplePackage.zip(this.console);
		hooks("sh hook.sh before 9", "sh hook.sh after 9");

		Run dryRun = this.console.run(stage("deploy dev --dry-run --package " + zip));

		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(dryRun.output()).doesNotContain("hooks");
		assertThat(this.projectDir.resolve("after-env.txt")).doesNotExist();
	}

	private void hooks(String beforePackage, String afterDeploy) {
		StringBuilder yaml = new StringBuilder("serverless:\n  hooks:\n");
		if (beforePackage != null) {
			yaml.append("    before-package: ").append(beforePackage).append('\n');
		}
		if (afterDeploy != null) {
			yaml.append("    after-deploy: ").append(afterDeploy).append('\n');
		}
		new TestProject(this.projectDir).settings("application-dev.yml", yaml.toString());
	}

	private List<String> lines(String file) throws IOException {
		return Files.readAllLines(this.projectDir.resolve(file));
	}

	private static String url(String output) {
		Matcher matcher = Pattern.compile("URL: (\\S+)").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		return matcher.group(1);
	}

	private String stage(String command) {
		return command + " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
	}

}
