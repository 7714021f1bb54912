package io.serverlessspring.maven.goals;

import java.io.IOException;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;
import io.serverlessspring.maven.console.ForkedConsole;

/**
 * {@code mvn serverless:console}: the interactive {@code serverless>} prompt on Maven's terminal, in
 * the project's folder (so {@code --project} can be left out). With {@code -Dserverless.command="…"}
 * it runs that one command line instead, exactly as {@code ./serverless …} would, and may ask for
 * confirmation: the one goal that does not pass {@code --yes} for you.
 */
@Mojo(name = "console", requiresProject = false, threadSafe = true)
public class ConsoleMojo extends AbstractConsoleMojo {

	/** One command line to run instead of the prompt, e.g. {@code init} or {@code undeploy dev}. */
	@Parameter(property = "serverless.command")
	String command;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return ConsoleCommandLine.command().words(split(this.command, "serverless.command"));
	}

	@Override
	void run(ForkedConsole console, ConsoleCommandLine line) throws IOException, InterruptedException, MojoFailureException {
		int exit = console.runOnTerminal(line.words());
		if (exit != 0) {
			throw new MojoFailureException("serverless " + line + " failed (exit " + exit + "); its message is above.");
		}
	}

}
