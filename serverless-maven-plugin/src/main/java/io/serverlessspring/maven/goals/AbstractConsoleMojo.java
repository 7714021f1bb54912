package io.serverlessspring.maven.goals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.util.cli.CommandLineUtils;

import io.serverlessspring.maven.console.ConsoleCommandLine;
import io.serverlessspring.maven.console.ConsoleExit;
import io.serverlessspring.maven.console.ConsoleJar;
import io.serverlessspring.maven.console.ForkedConsole;

/**
 * A goal that runs one console command line in a forked JVM, the same code {@code ./serverless}
 * runs: the goal only turns its parameters into the command line ({@link #commandLine()}). A
 * non-zero exit fails the build with the console's message.
 */
public abstract class AbstractConsoleMojo extends AbstractMojo {

	/** JVM options for the console's JVM; default {@code SERVERLESS_JAVA_OPTS}, else the launcher's defaults. */
	@Parameter(property = "serverless.jvmArgs")
	String jvmArgs;

	/** More words for the command line, for options this goal does not name (e.g. {@code --verbose}). */
	@Parameter(property = "serverless.args")
	String args;

	/** Extra environment variables for the console (it inherits Maven's, {@code AWS_*} included). */
	@Parameter
	Map<String, String> environment = Map.of();

	/** Skip the goal. */
	@Parameter(property = "serverless.skip", defaultValue = "false")
	boolean skip;

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	File basedir;

	@Parameter(defaultValue = "${plugin}", readonly = true, required = true)
	PluginDescriptor plugin;

	/** The console jar; the plugin's dependency when not given (tests give the one built in the reactor). */
	Path consoleJar;

	/** The console command line this goal runs. */
	protected abstract ConsoleCommandLine commandLine() throws MojoFailureException;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		String skipped = skipReason();
		if (skipped != null) {
			getLog().info("Skipped: " + skipped);
			return;
		}
		ConsoleCommandLine line = commandLine().words(extraWords());
		if (Runtime.version().feature() < 17) {
			throw new MojoExecutionException("The serverless console needs Java 17 or later; Maven runs on Java "
					+ Runtime.version() + " (set JAVA_HOME to a JDK 17+).");
		}
		ForkedConsole console = new ForkedConsole(ForkedConsole.currentJava(), consoleJar(), jvmOptions(),
				this.basedir.toPath(), this.environment);
		getLog().info("serverless " + line);
		try {
			run(console, line);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Cannot start the serverless console: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("Interrupted: the serverless console was stopped", ex);
		}
	}

	/** Why this goal does nothing here, or {@code null} to run it. */
	String skipReason() {
		return this.skip ? "serverless.skip is true" : null;
	}

	/** Runs without a terminal, its output in Maven's log; the console's error fails the build. */
	void run(ForkedConsole console, ConsoleCommandLine line) throws IOException, InterruptedException, MojoFailureException {
		ConsoleExit exit = console.run(line.words(), this::log);
		if (!exit.succeeded()) {
			String message = exit.errorMessage();
			throw new MojoFailureException((message != null) ? message
					: "serverless " + line + " failed (exit " + exit.code() + "); its output is above.");
		}
	}

	/** A console line in Maven's log, its errors and warnings at their own level. */
	private void log(String line) {
		String plain = line.strip();
		if (plain.startsWith("Error:")) {
			getLog().error(line);
		}
		else if (plain.startsWith("Warning:")) {
			getLog().warn(line);
		}
		else {
			getLog().info(line);
		}
	}

	/** The stage's project folder, given to the console as {@code --project}. */
	Path projectDirectory() {
		return this.basedir.toPath().toAbsolutePath().normalize();
	}

	private List<String> extraWords() throws MojoFailureException {
		return split(this.args, "serverless.args");
	}

	List<String> jvmOptions() throws MojoFailureException {
		if (this.jvmArgs != null && !this.jvmArgs.isBlank()) {
			return split(this.jvmArgs, "serverless.jvmArgs");
		}
		String fromEnvironment = System.getenv("SERVERLESS_JAVA_OPTS");
		// As the launcher script: an empty SERVERLESS_JAVA_OPTS means the defaults.
		return (fromEnvironment != null && !fromEnvironment.isBlank()) ? split(fromEnvironment, "SERVERLESS_JAVA_OPTS")
				: ForkedConsole.DEFAULT_JVM_OPTIONS;
	}

	private Path consoleJar() throws MojoExecutionException {
		if (this.consoleJar != null) {
			return this.consoleJar;
		}
		try {
			return ConsoleJar.find(this.plugin.getArtifacts());
		}
		catch (IllegalStateException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
	}

	/**
	 * Words as a shell splits them: white space separates, quotes keep a value with spaces together
	 * ({@code invoke dev greeter#hello '["Ada Lovelace"]'}).
	 */
	static List<String> split(String words, String property) throws MojoFailureException {
		if (words == null || words.isBlank()) {
			return List.of();
		}
		try {
			return Arrays.asList(CommandLineUtils.translateCommandline(words));
		}
		catch (Exception ex) {
			throw new MojoFailureException("Cannot read " + property + " (" + words + "): " + ex.getMessage());
		}
	}

}
