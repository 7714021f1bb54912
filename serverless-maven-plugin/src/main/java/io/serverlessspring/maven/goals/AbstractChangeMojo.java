package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * A goal that plans and applies changes to a stage. Running the goal is the confirmation: it passes
 * {@code --yes}, so it never waits for an answer; {@code serverless.dryRun} prints the plan only.
 */
public abstract class AbstractChangeMojo extends AbstractAwsStageMojo {

	/** Print the plan, change nothing. */
	@Parameter(property = "serverless.dryRun", defaultValue = "false")
	boolean dryRun;

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	/** {@code <command> STAGE --project DIR [AWS options] [--dry-run] [--json] --yes}. */
	ConsoleCommandLine changeCommand(String command) throws MojoFailureException {
		return awsStageCommand(command).flag("dry-run", this.dryRun).flag("json", this.json).flag("yes", true);
	}

}
