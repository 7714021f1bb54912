package io.serverlessspring.maven.goals;

import org.apache.maven.plugins.annotations.Mojo;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:local-start}: starts the local cloud (no AWS account needed) in the background; it keeps running after Maven
 * ({@code SERVERLESS_LOCAL_PORT}, {@code SERVERLESS_LOCAL_HOME} choose its port and state folder).
 */
@Mojo(name = "local-start", requiresProject = false, threadSafe = true)
public class LocalStartMojo extends AbstractConsoleMojo {

	@Override
	protected ConsoleCommandLine commandLine() {
		return ConsoleCommandLine.command("local", "start");
	}

}
