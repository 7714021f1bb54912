package io.serverlessspring.maven.goals;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:manage -Dserverless.stage=dev -Dserverless.manage=health}: runs an actuator endpoint or an app command in the deployed stage. */
@Mojo(name = "manage", threadSafe = true)
public class ManageMojo extends AbstractAwsStageMojo {

	/** The actuator endpoint or app command, with its arguments (e.g. {@code health}, {@code reindex-pets --full}). */
	@Parameter(property = "serverless.manage")
	String manage;

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		List<String> words = split(this.manage, "serverless.manage");
		if (words.stream().anyMatch(word -> word.startsWith("-"))) {
			// The console's rule: arguments that start with '-' come after '--', options before it.
			return awsStageCommand("manage").flag("json", this.json).words(List.of("--")).words(words);
		}
		return awsStageCommand("manage", words.toArray(String[]::new)).flag("json", this.json);
	}

}
