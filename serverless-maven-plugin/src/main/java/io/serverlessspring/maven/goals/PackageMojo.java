package io.serverlessspring.maven.goals;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:package -Dserverless.stage=dev}: builds the project and writes the stage's
 * reproducible Lambda zip (default {@code target/serverless/<function>.zip}); no AWS call.
 */
@Mojo(name = "package", threadSafe = true)
public class PackageMojo extends AbstractStageMojo {

	/** Where to write the zip. */
	@Parameter(property = "serverless.output")
	File output;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return stageCommand("package").option("output", this.output);
	}

}
