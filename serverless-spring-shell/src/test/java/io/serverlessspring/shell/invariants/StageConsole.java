package io.serverlessspring.shell.invariants;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.StageInventory;
import io.serverlessspring.shell.support.TestProject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs stage commands against one endpoint and reads back what exists: the invariant tests' vocabulary. */
final class StageConsole {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConsoleDriver console;

	private final TestProject project;

	private final Path zip;

	private final URI endpoint;

	StageConsole(ConsoleDriver console, TestProject project, Path zip, URI endpoint) {
		this.console = console;
		this.project = project;
		this.zip = zip;
		this.endpoint = endpoint;
	}

	/** Writes {@code application-<stage>.yml}. */
	StageConsole settings(String stage, String yaml) {
		this.project.settings("application-" + stage + ".yml", yaml);
		return this;
	}

	Run run(String command) {
		return this.console.run(command + " --project " + this.project.dir() + " --endpoint-url " + this.endpoint);
	}

	Run deploy(String stage) {
		return run("deploy " + stage + " --yes --package " + this.zip);
	}

	/** {@code deploy STAGE --dry-run --json}'s changes. */
	JsonNode plannedChanges(String stage) {
		Run plan = run("deploy " + stage + " --dry-run --json --package " + this.zip);
		assertThat(plan.exitCode()).as(plan.output()).isZero();
		JsonNode json = JSON.readTree(plan.output().substring(plan.output().indexOf('{')));
		assertThat(json.path("stage").asString()).isEqualTo(stage);
		return json.path("changes");
	}

	Run undeploy(String stage) {
		return run("undeploy " + stage + " --remove-logs --yes");
	}

	Map<String, List<String>> inventory(String function) {
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", this.endpoint, null))) {
			return StageInventory.of(clients, function);
		}
	}

	/** Deletes the stage's function behind the console's back, as a user might in the AWS console. */
	void deleteFunctionByHand(String function) {
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", this.endpoint, null))) {
			clients.lambda().deleteFunction((b) -> b.functionName(function));
		}
	}

}
