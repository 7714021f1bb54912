package io.serverlessspring.shell.commands;

import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common options ({@code --project}, {@code --endpoint-url}, {@code -y/--yes}, {@code --dry-run},
 * {@code --json}) declared once with {@code @TakesOptions}: each command has them, and they reach it
 * from the command line, against moto with the real SDK.
 */
@SpringBootTest(classes = { ServerlessConsoleApplication.class, CommonOptionsTest.Hooks.class },
		properties = "spring.shell.interactive.enabled=false")
class CommonOptionsTest {

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@Autowired
	CommandRegistry registry;

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
	void setUp() {
		moto.reset();
		this.console = new ConsoleDriver(this.runner);
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
		this.counter.reset();
	}

	@Test
	void everyPlanCommandTakesDryRunJsonAndYesAsFlags() {
		for (String name : new String[] { "deploy", "update", "undeploy", "schedule", "unschedule", "certify" }) {
			assertThat(this.registry.getCommandByName(name).getOptions()).as(name)
				.filteredOn(option -> option.type() == boolean.class)
				.extracting(CommandOption::longName)
				.contains("dry-run", "json", "yes");
			assertThat(this.registry.getCommandByName(name).getOptions()).as(name)
				.extracting(CommandOption::longName)
				.contains("project", "profile", "region", "endpoint-url");
		}
		assertThat(this.registry.getCommandByName("rollback").getOptions()).extracting(CommandOption::longName)
			.contains("dry-run", "json");
		assertThat(this.registry.getCommandByName("template").getOptions()).extracting(CommandOption::longName)
			.contains("project").doesNotContain("region", "yes");
	}

	@Test
	void undeployDryRunListsWhatItWouldRemoveAndChangesNothingEvenWithYes() {
		Path zip = SamplePackage.zip(this.console);
		Run deploy = this.console.run(stage("deploy dev -y --package " + zip));
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		this.counter.reset();

		Run dryRun = this.console.run(stage("undeploy dev --dry-run --yes"));

		assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
		assertThat(dryRun.output()).contains("Plan for petstore-dev in ", "function petstore-dev", "Nothing removed.")
			.doesNotContain("Undeploy petstore-dev removes:");
		// one header for the plan, not two in a row
		assertThat(dryRun.output().lines().filter(line -> line.endsWith(":") && !line.startsWith(" "))).hasSize(1);
		assertThat(this.counter.mutations()).isEmpty();
		try (LambdaClient lambda = LambdaClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).containsExactly("petstore-dev");
		}
	}

	@Test
	void planCommandsPrintTheirPlanAsJsonAndDryRunsChangeNothing() {
		Path zip = SamplePackage.zip(this.console);
		Run json = this.console.run(stage("deploy dev --dry-run --json --package " + zip));
		assertThat(json.exitCode()).as(json.output()).isZero();
		JsonNode plan = JsonMapper.builder().build().readTree(json.output());
		assertThat(plan.path("stage").asString()).isEqualTo("dev");
		assertThat(plan.path("changes")).isNotEmpty();
		assertThat(plan.path("changes").get(0).path("kind").asString()).isEqualTo("role");
		assertThat(plan.path("changes").get(0).path("action").asString()).isEqualTo("CREATE");
		assertThat(this.counter.mutations()).isEmpty();

		assertThat(this.console.run(stage("deploy dev -y --package " + zip)).exitCode()).isZero();
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  function:\n    memory: 1024\n");
		assertThat(this.console.run(stage("deploy dev -y --package " + zip)).exitCode()).isZero();
		this.counter.reset();
		Run rollback = this.console.run(stage("rollback dev --dry-run --json"));
		assertThat(rollback.exitCode()).as(rollback.output()).isZero();
		assertThat(rollback.output()).contains("\"kind\" : \"alias\"", "\"action\" : \"UPDATE\"");
		assertThat(this.counter.mutations()).isEmpty();
	}

	@Test
	void aFlagWithAValueOtherThanTrueOrFalseNamesTheFlag() {
		Run run = this.console.run(stage("undeploy dev --yes=maybe"));
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("--yes takes true or false, not 'maybe'");
		assertThat(this.counter.calls()).isEmpty();
	}

	private String stage(String command) {
		return command + " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
	}

	@TestConfiguration
	static class Hooks {

		@Bean
		MutationCounter mutationCounter() {
			return new MutationCounter();
		}

	}

}
