package io.serverlessspring.shell.remote;

import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.remote.RecordingLambda.Answer;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.TestProject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code invoke} and {@code manage} through the console's command line, with the real SDK client
 * talking HTTP to a recording Lambda endpoint: what is sent (envelope, alias, invocation and log
 * types) and what the user sees (result, log tail, exit status).
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class RemoteCommandsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ConsoleRunner runner;

	@Autowired
	CommandRegistry registry;

	@TempDir
	Path projectDir;

	RecordingLambda lambda;

	ConsoleDriver console;

	String options;

	@BeforeEach
	void setUp() throws Exception {
		this.lambda = new RecordingLambda();
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless:\n  deploy:\n    region: us-east-1\n");
		this.console = new ConsoleDriver(this.runner);
		this.options = " --project " + this.projectDir + " --endpoint-url " + this.lambda.endpoint();
	}

	@AfterEach
	void stop() {
		this.lambda.close();
	}

	@Test
	void invokeSendsTheInvokeEnvelopeToTheLiveAliasAndPrintsTheResultAndLogTail() throws Exception {
		this.lambda.answer(invocation -> new Answer(200,
				"{\"ok\":true,\"kind\":\"invoke\",\"target\":\"petJobs#sendWelcome(java.lang.String,int)\",\"result\":{\"sent\":3}}",
				null, "START RequestId: 1 Version: 7\nsending welcome to rex\nEND RequestId: 1\n"));

		Run run = this.console.run("invoke dev petJobs#sendWelcome '[\"rex\", 3]'" + this.options);

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(this.lambda.invocations()).singleElement().satisfies(invocation -> {
			assertThat(invocation.function()).isEqualTo("petstore-dev");
			assertThat(invocation.qualifier()).isEqualTo("live");
			assertThat(invocation.invocationType()).isEqualTo("RequestResponse");
			assertThat(invocation.logType()).isEqualTo("Tail");
			JsonNode envelope = JSON.readTree(invocation.payload()).path("serverless");
			assertThat(envelope.path("kind").asString()).isEqualTo("invoke");
			assertThat(envelope.path("target").asString()).isEqualTo("petJobs#sendWelcome");
			assertThat(envelope.path("args").toString()).isEqualTo("[\"rex\",3]");
		});
		assertThat(run.output()).contains("\"sent\" : 3").contains("sending welcome to rex");
	}

	@Test
	void invokeExitsNonZeroWhenTheMethodFails() {
		this.lambda.answer(invocation -> new Answer(200, """
				{"ok":false,"kind":"invoke","error":{"code":"failed","message":"petService#countPets() threw IllegalStateException: the store is closed","exception":"java.lang.IllegalStateException"}}""",
				null, "ERROR petService#countPets() failed\n"));

		Run run = this.console.run("invoke dev petService#countPets" + this.options);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("failed: petService#countPets() threw IllegalStateException: the store is closed");
	}

	@Test
	void invokeExitsNonZeroOnALambdaFunctionError() {
		this.lambda.answer(invocation -> new Answer(200,
				"{\"errorMessage\":\"Task timed out after 30.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}", "Unhandled", ""));

		Run run = this.console.run("invoke dev petService#countPets" + this.options);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("Sandbox.Timedout: Task timed out after 30.00 seconds");
	}

	@Test
	void rawPayloadAndAsyncForms() throws Exception {
		this.lambda.answer(invocation -> new Answer(invocation.invocationType().equals("Event") ? 202 : 200,
				invocation.invocationType().equals("Event") ? "" : "{\"ok\":true,\"kind\":\"raw\",\"result\":4}", null, ""));

		Run raw = this.console.run("invoke dev --raw \"@petRepository.count() + 1\"" + this.options);
		Run async = this.console.run("invoke dev --payload '{\"Records\":[]}' --async" + this.options);

		assertThat(raw.exitCode()).as(raw.output()).isZero();
		assertThat(raw.output()).startsWith("4");
		assertThat(JSON.readTree(this.lambda.invocations().get(0).payload()).path("serverless").path("expression").asString())
			.isEqualTo("@petRepository.count() + 1");
		assertThat(async.exitCode()).as(async.output()).isZero();
		assertThat(async.output()).contains("Accepted (202)");
		assertThat(this.lambda.invocations().get(1).invocationType()).isEqualTo("Event");
		assertThat(this.lambda.invocations().get(1).payload()).isEqualTo("{\"Records\":[]}");
	}

	@Test
	void badArgumentsAreRefusedBeforeAnyCall() {
		Run notJson = this.console.run("invoke dev petJobs#sendWelcome '[rex'" + this.options);
		Run both = this.console.run("invoke dev petJobs#sendWelcome --raw 1" + this.options);

		assertThat(notJson.exitCode()).isNotZero();
		assertThat(notJson.output()).contains("json-args is not JSON: [rex");
		assertThat(both.exitCode()).isNotZero();
		assertThat(both.output()).contains("Give one of TARGET, --raw or --payload");
		assertThat(this.lambda.invocations()).isEmpty();
	}

	@Test
	void manageSendsTheCommandAndItsArgumentsAndPrintsTheOutput() throws Exception {
		this.lambda.answer(invocation -> new Answer(200,
				"{\"ok\":true,\"kind\":\"manage\",\"command\":\"health\",\"result\":{\"status\":\"UP\"}}", null, ""));

		Run health = this.console.run("manage dev health" + this.options);
		Run env = this.console.run("manage dev env spring.application.name" + this.options);

		assertThat(health.exitCode()).as(health.output()).isZero();
		assertThat(health.output()).contains("\"status\" : \"UP\"");
		JsonNode second = JSON.readTree(this.lambda.invocations().get(1).payload()).path("serverless");
		assertThat(second.path("kind").asString()).isEqualTo("manage");
		assertThat(second.path("command").asString()).isEqualTo("env");
		assertThat(second.path("args").toString()).isEqualTo("[\"spring.application.name\"]");
		assertThat(env.exitCode()).isZero();
	}

	@Test
	void anUndeployedStageSaysHowToDeployIt() {
		this.lambda.deployed(false);

		Run run = this.console.run("manage dev health" + this.options);

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("Stage 'dev' is not deployed").contains("./serverless deploy dev");
		assertThat(this.lambda.invocations()).isEmpty();
	}

	@Test
	void anUnknownStageListsTheStagesThereAre() {
		Run run = this.console.run("invoke prod petService#countPets" + this.options);

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("Unknown stage 'prod'").contains("dev");
	}

	@Test
	void helpShowsExamples() {
		for (String command : new String[] { "invoke", "manage", "tail", "init", "schedule", "unschedule", "template",
				"certify" }) {
			Run run = this.console.run(command + " --help");
			assertThat(run.output()).as(command).contains("Examples:");
		}
	}

	@Test
	void serverlessDashDashHelpListsTheCommandsLikeHelp() {
		for (String line : new String[] { "--help", "-h" }) {
			Run run = this.console.run(line);
			assertThat(run.exitCode()).as(line).isZero();
			assertThat(run.output()).as(line).doesNotContain("Unknown command").contains("deploy").contains("undeploy")
				.contains("invoke");
		}
		assertThat(this.console.run("--help deploy").output()).contains("--dry-run").contains("Examples:");
	}

	@Test
	void everyConsoleCommandsHelpShowsItsOptionsAndAnExample() {
		SoftAssertions softly = new SoftAssertions();
		for (Command command : this.registry.getCommands()) {
			if (!command.getClass().getName().contains("serverlessspring")
					&& command.getGroup() != null && command.getGroup().startsWith("Built")) {
				continue;
			}
			Run run = this.console.run(command.getName() + " --help");
			softly.assertThat(run.output()).as(command.getName()).doesNotContain("Unknown command").contains("Examples:");
			for (CommandOption option : command.getOptions()) {
				if (option.longName() != null && !option.longName().isBlank() && !option.longName().equals("help")) {
					softly.assertThat(run.output()).as(command.getName() + " --help names --" + option.longName())
						.contains("--" + option.longName());
				}
			}
		}
		softly.assertAll();
	}

}
