package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** A goal on one stage of this project: {@code <command> STAGE --project ${project.basedir}}. */
public abstract class AbstractStageMojo extends AbstractConsoleMojo {

	/** The stage, e.g. {@code dev}: its settings are {@code application.yml} + {@code application-<stage>.yml}. */
	@Parameter(property = "serverless.stage")
	String stage;

	@Parameter(defaultValue = "${project.packaging}", readonly = true)
	String packaging;

	/**
	 * A parent or aggregator pom has no app to deploy: run from a multi-module root, a stage goal
	 * acts in the app's module only (libraries beside it set {@code serverless.skip}).
	 */
	@Override
	String skipReason() {
		return "pom".equals(this.packaging) ? "a pom module has no app to deploy (the goal runs in the app's module)"
				: super.skipReason();
	}

	/** {@code <command> STAGE [ARGUMENTS] --project DIR}, the start of every stage command (blank arguments left out). */
	ConsoleCommandLine stageCommand(String command, String... arguments) throws MojoFailureException {
		if (this.stage == null || this.stage.isBlank()) {
			throw new MojoFailureException("No stage given: set serverless.stage (-Dserverless.stage=dev, or "
					+ "<stage> in the plugin's configuration).");
		}
		ConsoleCommandLine line = ConsoleCommandLine.command(command).argument(this.stage.trim());
		for (String argument : arguments) {
			line.argument(argument);
		}
		return line.option("project", projectDirectory());
	}

}
