package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:unschedule -Dserverless.stage=dev}: removes the stage's schedules, keep-warm and event sources. */
@Mojo(name = "unschedule", threadSafe = true)
public class UnscheduleMojo extends AbstractChangeMojo {

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return changeCommand("unschedule");
	}

}
