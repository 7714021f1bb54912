package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:rollback -Dserverless.stage=prod}: points the live alias at an earlier version (the console asks nothing). */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractAwsStageMojo {

	/** Versions to go back (the console's default: 1). */
	@Parameter(property = "serverless.number")
	Integer number;

	/** The version to go to, instead of a number of versions back. */
	@Parameter(property = "serverless.to")
	String to;

	/** Print the plan, change nothing. */
	@Parameter(property = "serverless.dryRun", defaultValue = "false")
	boolean dryRun;

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return awsStageCommand("rollback").option("number", this.number)
			.option("to", this.to)
			.flag("dry-run", this.dryRun)
			.flag("json", this.json);
	}

}
