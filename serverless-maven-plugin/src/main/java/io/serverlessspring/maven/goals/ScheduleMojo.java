package io.serverlessspring.maven.goals;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:schedule -Dserverless.stage=dev}: creates or updates the stage's schedules, keep-warm and event sources. */
@Mojo(name = "schedule", threadSafe = true)
public class ScheduleMojo extends AbstractChangeMojo {

	/** A zip made by {@code serverless:package} instead of building now. */
	@Parameter(property = "serverless.package")
	File packageFile;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return changeCommand("schedule").option("package", this.packageFile);
	}

}
