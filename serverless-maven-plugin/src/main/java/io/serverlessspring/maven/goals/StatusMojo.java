package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:status -Dserverless.stage=dev}: the stage's configuration, alias, URL, schedules and metrics. */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractAwsStageMojo {

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return awsStageCommand("status").flag("json", this.json);
	}

}
