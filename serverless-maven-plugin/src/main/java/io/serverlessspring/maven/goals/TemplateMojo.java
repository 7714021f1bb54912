package io.serverlessspring.maven.goals;

import java.io.File;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:template -Dserverless.stage=prod -Dserverless.output=stack.yml}: the stage as a CloudFormation or SAM template. */
@Mojo(name = "template", threadSafe = true)
public class TemplateMojo extends AbstractStageMojo {

	/** The file to write (default: print it). */
	@Parameter(property = "serverless.output")
	File output;

	/** {@code cloudformation} or {@code sam} (the console's default: cloudformation). */
	@Parameter(property = "serverless.format")
	String format;

	/** A zip made by {@code serverless:package} instead of building now. */
	@Parameter(property = "serverless.package")
	File packageFile;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return stageCommand("template").option("output", this.output)
			.option("format", this.format)
			.option("package", this.packageFile);
	}

}
