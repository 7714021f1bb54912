package io.serverlessspring.shell.settings;

import java.nio.file.Path;
import java.util.List;

import io.serverlessspring.boot.settings.ServerlessProperties;

/**
 * The resolved settings of one stage of one project.
 *
 * @param projectDir the project (where its pom.xml is)
 * @param stage the stage name ({@code dev}, {@code prod}, ...)
 * @param applicationName {@code spring.application.name}, else the project folder's name
 * @param functionName {@code serverless.function.name}, else {@code <application>-<stage>}
 * @param properties every {@code serverless.*} setting, defaults filled in
 * @param sources the files read, lowest precedence first
 */
public record StageSettings(Path projectDir, String stage, String applicationName, String functionName,
		ServerlessProperties properties, List<Path> sources) {

	/** Whether this stage deploys to the embedded local cloud ({@code serverless.deploy.endpoint: local}). */
	public boolean local() {
		return "local".equalsIgnoreCase(this.properties.getDeploy().getEndpoint());
	}

}
