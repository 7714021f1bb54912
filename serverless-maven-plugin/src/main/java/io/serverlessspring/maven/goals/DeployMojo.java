package io.serverlessspring.maven.goals;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:deploy -Dserverless.stage=dev}: packages the project and deploys the stage
 * (console: {@code deploy STAGE --yes}): creates what is missing, updates what differs.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractChangeMojo {

	/** Deploy this zip (made by {@code serverless:package}) instead of building now. */
	@Parameter(property = "serverless.package")
	File packageFile;

	/** The console command this goal runs. */
	String consoleCommand() {
		return "deploy";
	}

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return changeCommand(consoleCommand()).option("package", this.packageFile);
	}

}
