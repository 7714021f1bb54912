package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:invoke -Dserverless.stage=dev -Dserverless.target=greeter#hello
 * -Dserverless.arguments='["Ada"]'}: runs a bean method (or a function, a SpEL expression, a raw
 * event) in the deployed stage.
 */
@Mojo(name = "invoke", threadSafe = true)
public class InvokeMojo extends AbstractAwsStageMojo {

	/** {@code bean#method} or a function's name. */
	@Parameter(property = "serverless.target")
	String target;

	/** The arguments as JSON, e.g. {@code ["Ada", 3]}. */
	@Parameter(property = "serverless.arguments")
	String arguments;

	/** A SpEL expression to evaluate instead of a target. */
	@Parameter(property = "serverless.expression")
	String expression;

	/** An event to send as is: a file or inline JSON. */
	@Parameter(property = "serverless.payload")
	String payload;

	/** Do not wait for the result. */
	@Parameter(property = "serverless.async", defaultValue = "false")
	boolean async;

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return awsStageCommand("invoke", this.target, this.arguments).option("raw", this.expression)
			.option("payload", this.payload)
			.flag("async", this.async)
			.flag("json", this.json);
	}

}
