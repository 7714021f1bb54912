package io.serverlessspring.shell.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code settings STAGE [--json]}: each resolved value with where it came from (a stage's own file,
 * the file of the stage it extends, or a default), secrets never printed.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class SettingsCommandTest {

	private static final String DEV_PASSWORD = "s3cr3t-dev-password";

	private static final String PROD_TOKEN = "tok-prod-0123456789";

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path projectDir;

	ConsoleDriver console;

	@BeforeEach
	void setUp() {
		this.console = new ConsoleDriver(this.runner);
		new TestProject(this.projectDir).settings("application-dev.yml", """
				serverless:
				  function:
				    memory: 512
				    environment:
				      GREETING: hello
				      DB_PASSWORD: %s
				""".formatted(DEV_PASSWORD)).settings("application-prod.yml", """
				serverless:
				  stage:
				    extends: dev
				  function:
				    memory: 2048
				    environment:
				      API_TOKEN: %s
				""".formatted(PROD_TOKEN));
	}

	@Test
	void printsEachValueWithItsOriginAndMasksSecrets() {
		Run run = this.console.run("settings prod --project " + this.projectDir);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).contains("Stage prod of petstore (function petstore-prod)")
			.contains("Profiles: dev, prod")
			.contains("Files (later wins): application.yml < application-dev.yml < application-prod.yml")
			.doesNotContain(DEV_PASSWORD)
			.doesNotContain(PROD_TOKEN);
		assertThat(line(run, "serverless.function.memory")).containsSubsequence("2048", "application-prod.yml line 5");
		assertThat(line(run, "serverless.function.environment.GREETING")).containsSubsequence("hello",
				"application-dev.yml line 5 (extended stage dev)");
		assertThat(line(run, "serverless.function.environment.DB_PASSWORD")).containsSubsequence("****",
				"application-dev.yml line 6 (extended stage dev)");
		assertThat(line(run, "serverless.function.environment.API_TOKEN")).containsSubsequence("****",
				"application-prod.yml line 7");
		assertThat(line(run, "serverless.function.timeout")).containsSubsequence("30", "default");
		assertThat(line(run, "serverless.stage.extends")).containsSubsequence("dev", "application-prod.yml line 3");
	}

	@Test
	void jsonListsStageProfilesAndSettings() {
		Run run = this.console.run("settings prod --json --project " + this.projectDir);
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).doesNotContain(DEV_PASSWORD).doesNotContain(PROD_TOKEN);
		JsonNode json = JsonMapper.builder().build().readTree(run.output());
		assertThat(json.path("stage").asString()).isEqualTo("prod");
		assertThat(json.path("profiles").values()).extracting(JsonNode::asString).containsExactly("dev", "prod");
		List<String> settings = new ArrayList<>();
		json.path("settings").forEach(setting -> settings.add(setting.path("name").asString() + " = "
				+ setting.path("value").asString() + " @ " + setting.path("origin").asString()));
		assertThat(settings).contains("serverless.function.memory = 2048 @ application-prod.yml line 5",
				"serverless.function.environment.GREETING = hello @ application-dev.yml line 5 (extended stage dev)",
				"serverless.function.environment.DB_PASSWORD = **** @ application-dev.yml line 6 (extended stage dev)",
				"serverless.function.runtime = java25 @ default");
	}

	@Test
	void aLoopIsAnErrorNamingItsFiles() {
		new TestProject(this.projectDir).settings("application-dev.yml", "serverless.stage.extends: prod\n");
		Run run = this.console.run("settings prod --project " + this.projectDir);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).startsWith("Error: Stage 'prod' extends itself through "
				+ "application-prod.yml -> application-dev.yml -> application-prod.yml");
	}

	@Test
	void helpShowsItsOptionsAndExamples() {
		Run run = this.console.run("settings --help");
		assertThat(run.output()).contains("settings STAGE [--json] [--project DIR]", "--json", "--project", "Examples:",
				"settings prod --json");
	}

	private static String line(Run run, String name) {
		return run.output().lines().filter(line -> line.startsWith(name + " ")).findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + run.output()));
	}

}
