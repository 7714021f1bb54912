package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** {@code mvn serverless:settings -Dserverless.stage=dev}: every serverless.* setting the stage resolves to, and where it comes from. */
@Mojo(name = "settings", threadSafe = true)
public class SettingsMojo extends AbstractStageMojo {

	/** Print JSON. */
	@Parameter(property = "serverless.json", defaultValue = "false")
	boolean json;

	@Override
	protected ConsoleCommandLine commandLine() throws MojoFailureException {
		return stageCommand("settings").flag("json", this.json);
	}

}
