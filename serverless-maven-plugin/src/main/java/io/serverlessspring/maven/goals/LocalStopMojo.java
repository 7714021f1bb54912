package io.serverlessspring.maven.goals;

import org.apache.maven.plugins.annotations.Mojo;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:local-stop}: stops the local cloud the console started
 * ({@code SERVERLESS_LOCAL_PORT}, {@code SERVERLESS_LOCAL_HOME} choose its port and state folder).
 */
@Mojo(name = "local-stop", requiresProject = false, threadSafe = true)
public class LocalStopMojo extends AbstractConsoleMojo {

	@Override
	protected ConsoleCommandLine commandLine() {
		return ConsoleCommandLine.command("local", "stop");
	}

}
