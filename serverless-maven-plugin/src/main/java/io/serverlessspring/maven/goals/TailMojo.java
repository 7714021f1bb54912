package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/**
 * {@code mvn serverless:tail -Dserverless.stage=dev}: prints the stage's logs and follows new lines
 * until Ctrl-C ({@code -Dserverless.follow=false} stops after what is there).
 */
@Mojo(name = "tail", threadSafe = true)
public class TailMojo extends AbstractAwsStageMojo {

	/** How far back: {@code 10m}, {@code 4h}, {@code 2d} (the console's default: 10m). */
	@Parameter(property = "serverless.since")
	String since;

	/** A CloudWatch Logs filter pattern. */
	@Parameter(property = "serverless.filter")
	String filter;

	/** Only HTTP access lines. */
	@Parameter(property = "serverless.http", defaultValue = "false")
	boolean http;

	/** All but HTTP access lines. */
	@Parameter(property = "serverless.nonHttp", defaultValue = "false")
	boolean nonHttp;

	/** Keep printing new lines; {@code false} stops after printing what is there. */
	@Parameter(property = "serverless.follow", defaultValue = "true")
	boolean follow;

	/** Also show Lambda's START/END/REPORT lines. */
	@Parameter(property = "serverless.raw", defaultValue = "false")
	boolean raw;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		// Maven's log is no terminal: plain text.
		return awsStageCommand("tail").option("since", this.since)
			.option("filter", this.filter)
			.flag("http", this.http)
			.flag("non-http", this.nonHttp)
			.flag("no-follow", !this.follow)
			.flag("raw", this.raw)
			.flag("no-color", true);
	}

}
