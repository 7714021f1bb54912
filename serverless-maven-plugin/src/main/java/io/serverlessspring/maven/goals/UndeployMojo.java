package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:undeploy -Dserverless.stage=dev}: removes everything deploy made for the stage. */
@Mojo(name = "undeploy", threadSafe = true)
public class UndeployMojo extends AbstractChangeMojo {

	/** Also delete the stage's log group. */
	@Parameter(property = "serverless.removeLogs", defaultValue = "false")
	boolean removeLogs;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return changeCommand("undeploy").flag("remove-logs", this.removeLogs);
	}

}
