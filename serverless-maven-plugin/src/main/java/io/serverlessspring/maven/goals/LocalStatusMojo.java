package io.serverlessspring.maven.goals;

import org.apache.maven.plugins.annotations.Mojo;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:local-status}: says whether the local cloud runs, and on which endpoint
 * ({@code SERVERLESS_LOCAL_PORT}, {@code SERVERLESS_LOCAL_HOME} choose its port and state folder).
 */
@Mojo(name = "local-status", requiresProject = false, threadSafe = true)
public class LocalStatusMojo extends AbstractConsoleMojo {

	@Override
	protected ConsoleCommandLine commandLine() {
		return ConsoleCommandLine.command("local", "status");
	}

}
