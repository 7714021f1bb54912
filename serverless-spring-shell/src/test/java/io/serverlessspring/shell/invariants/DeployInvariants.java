package io.serverlessspring.shell.invariants;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.MutationCounter;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.StageInventory;
import io.serverlessspring.shell.support.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's invariants, the same for every backend: an identical re-deploy plans and writes
 * nothing; a first deploy stopped after any change k converges on the next deploy with no
 * duplicate; undeploy from any of those states leaves nothing of any kind deploy creates.
 */
abstract class DeployInvariants {

	/**
	 * The sample's settings for an invariant stage: no touch (nothing is invoked), a secret in the
	 * environment, the handler's queue owned by the stage (so a queue and a mapping are made too).
	 */
	static final String SETTINGS = """
			serverless:
			  deploy:
			    touch: false
			  events:
			    create-queues: true
			  function:
			    memory: 512
			    environment:
			      DB_PASSWORD: hunter2
			      GREETING: hello
			  keep-warm:
			    enabled: true
			""";

	/** The same stage behind a load balancer (the default VPC's subnets). */
	static final String ALB_SETTINGS = SETTINGS + """
			  http:
			    type: alb
			""";

	/** Kinds of the changes of the load balancer front (its permission is a {@code permission}). */
	private static final List<String> ALB_KINDS = List.of("load balancer", "target group", "target", "listener",
			"listener rule");

	@Autowired
	private ConsoleRunner runner;

	@Autowired
	MutationCounter counter;

	@Autowired
	InvariantHooks hooks;

	@TempDir
	Path projectDir;

	StageConsole console;

	abstract URI endpoint();

	/** Forgets everything, where the backend can; else each case uses a stage of its own. */
	abstract void reset();

	@BeforeEach
	void openConsole() {
		ConsoleDriver driver = new ConsoleDriver(this.runner);
		this.console = new StageConsole(driver, new TestProject(this.projectDir), SamplePackage.zip(driver), endpoint());
		this.hooks.stopAfter.set(0);
		this.counter.reset();
	}

	@AfterEach
	void noStop() {
		this.hooks.stopAfter.set(0);
	}

	void identicalRedeployPlansNothingAndWritesNothing(String stage) {
		identicalRedeployPlansNothingAndWritesNothing(stage, SETTINGS);
	}

	/** The same for a stage with {@code settings} ({@code application-<stage>.yml}). */
	void identicalRedeployPlansNothingAndWritesNothing(String stage, String settings) {
		String function = "petstore-" + stage;
		this.console.settings(stage, settings);
		JsonNode first = this.console.plannedChanges(stage);
		assertThat(first.size()).isGreaterThan(5);
		assertThat(first.toString()).doesNotContain("hunter2").contains("****");
		Run deploy = this.console.deploy(stage);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();

		assertThat(this.console.plannedChanges(stage)).as("re-plan after a deploy").isEmpty();
		this.counter.reset();
		Run again = this.console.deploy(stage);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("nothing to change");
		assertThat(this.counter.mutations()).as("write calls of an identical re-deploy").isEmpty();

		assertThat(this.console.undeploy(stage).exitCode()).isZero();
		assertThat(this.console.inventory(function)).as("left after undeploy").isEmpty();
	}

	/** The number of changes of the sample's first deploy. */
	int firstDeployChanges(String stage) {
		this.console.settings(stage, SETTINGS);
		return this.console.plannedChanges(stage).size();
	}

	/** Deploys {@code stage} stopped right after change {@code k}. */
	void interruptedDeploy(String stage, int k) {
		this.console.settings(stage, SETTINGS);
		this.hooks.stopAfter.set(k);
		Run broken = this.console.deploy(stage);
		this.hooks.stopAfter.set(0);
		assertThat(broken.exitCode()).as(broken.output()).isNotZero();
		assertThat(broken.output()).contains("stopped after change " + k);
	}

	/** The next deploy completes the stage: one of each resource, and then nothing left to plan. */
	void convergesWithoutDuplicates(String stage, int k) {
		String function = "petstore-" + stage;
		Run resumed = this.console.deploy(stage);
		assertThat(resumed.exitCode()).as("deploy after stopping at change " + k + ":\n" + resumed.output()).isZero();
		Map<String, List<String>> inventory = this.console.inventory(function);
		assertThat(StageInventory.count(inventory, "function")).as("functions after k=" + k).isEqualTo(1);
		assertThat(StageInventory.count(inventory, "HTTP API")).as("HTTP APIs after k=" + k).isEqualTo(1);
		assertThat(StageInventory.count(inventory, "schedule group")).as("schedule groups after k=" + k).isEqualTo(1);
		assertThat(StageInventory.count(inventory, "role")).as("roles after k=" + k).isEqualTo(2);
		assertThat(StageInventory.count(inventory, "dependency layer")).as("dependency layers after k=" + k).isEqualTo(1);
		assertThat(StageInventory.count(inventory, "queue")).as("queues after k=" + k).isEqualTo(1);
		assertThat(StageInventory.count(inventory, "event source mapping")).as("mappings after k=" + k).isEqualTo(1);
		assertThat(inventory.getOrDefault("event source mapping", List.of())).as("mappings after k=" + k)
			.doesNotHaveDuplicates();
		assertThat(inventory.getOrDefault("subscription", List.of())).as("subscriptions after k=" + k)
			.doesNotHaveDuplicates();
		assertThat(this.console.plannedChanges(stage)).as("re-plan after k=" + k).isEmpty();
	}

	void undeploysToNothing(String stage, int k) {
		Run undeploy = this.console.undeploy(stage);
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		assertThat(this.console.inventory("petstore-" + stage)).as("left by undeploy after stopping at change " + k)
			.isEmpty();
	}

	/**
	 * Undeploy finds the stage's resources by their names and tags, not through the function: with the
	 * function already gone (deleted by hand), it still removes the queue, roles, API, schedules… .
	 */
	void undeployAfterTheFunctionWasDeletedByHandLeavesNothing(String stage) {
		String function = "petstore-" + stage;
		this.console.settings(stage, SETTINGS);
		Run deploy = this.console.deploy(stage);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		this.console.deleteFunctionByHand(function);
		assertThat(StageInventory.count(this.console.inventory(function), "function")).isZero();
		assertThat(StageInventory.count(this.console.inventory(function), "queue")).isEqualTo(1);

		Run undeploy = this.console.undeploy(stage);

		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		assertThat(this.console.inventory(function)).as("left by undeploy after the function was deleted by hand")
			.isEmpty();
	}

	/**
	 * A first ALB deploy stopped right after each change of the load balancer front (and its
	 * permission) converges on the next deploy with one load balancer and one target group, then
	 * re-plans nothing and undeploys to nothing.
	 */
	void interruptedAlbDeploysConverge(String stage, Runnable reset) {
		reset.run();
		this.console.settings(stage, ALB_SETTINGS);
		JsonNode changes = this.console.plannedChanges(stage);
		List<Integer> stops = new java.util.ArrayList<>();
		for (int i = 0; i < changes.size() - 1; i++) {
			JsonNode change = changes.get(i);
			if (ALB_KINDS.contains(change.path("kind").asString()) || change.toString().contains("serverless-alb")) {
				stops.add(i + 1);
			}
		}
		assertThat(stops).as("ALB changes of the first deploy: " + changes).hasSizeGreaterThanOrEqualTo(5);
		for (int k : stops) {
			reset.run();
			this.console.settings(stage, ALB_SETTINGS);
			this.hooks.stopAfter.set(k);
			Run broken = this.console.deploy(stage);
			this.hooks.stopAfter.set(0);
			assertThat(broken.output()).as(broken.output()).contains("stopped after change " + k);
			Run resumed = this.console.deploy(stage);
			assertThat(resumed.exitCode()).as("deploy after stopping at change " + k + ":\n" + resumed.output()).isZero();
			Map<String, List<String>> inventory = this.console.inventory("petstore-" + stage);
			assertThat(StageInventory.count(inventory, "load balancer")).as("load balancers after k=" + k).isEqualTo(1);
			assertThat(StageInventory.count(inventory, "target group")).as("target groups after k=" + k).isEqualTo(1);
			assertThat(StageInventory.count(inventory, "HTTP API")).as("HTTP APIs after k=" + k).isZero();
			assertThat(this.console.plannedChanges(stage)).as("re-plan after k=" + k).isEmpty();
			assertThat(this.console.undeploy(stage).exitCode()).isZero();
			assertThat(this.console.inventory("petstore-" + stage)).as("left by undeploy after k=" + k).isEmpty();
		}
	}

	/** Deploys the random settings of {@code seed}, re-plans (must be empty) and undeploys (must leave nothing). */
	void randomStateRoundTrip(long seed, String stage) {
		String settings = RandomDesiredStates.settings(seed);
		this.console.settings(stage, settings);
		String context = "seed " + seed + ":\n" + settings;
		Run deploy = this.console.deploy(stage);
		assertThat(deploy.exitCode()).as(context + deploy.output()).isZero();
		assertThat(this.console.plannedChanges(stage)).as("re-plan, " + context).isEmpty();
		Run undeploy = this.console.undeploy(stage);
		assertThat(undeploy.exitCode()).as(context + undeploy.output()).isZero();
		assertThat(this.console.inventory("petstore-" + stage)).as("left by undeploy, " + context).isEmpty();
	}

}
