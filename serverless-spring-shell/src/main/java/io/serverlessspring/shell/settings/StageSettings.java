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
 * @param sources the files read, lowest precedence first (extended stages' files included)
 * @param profiles the stage's chain of {@code serverless.stage.extends}, the most extended first and
 * this stage last ({@code [dev, prod]} for prod extending dev): the Spring profiles the function
 * must run with to see these settings
 * @param configImports the stage's {@code spring.config.import} entries (e.g.
 * {@code aws-parameterstore:/petstore/prod/}): what the function reads at start, so what its role must allow
 */
public record StageSettings(Path projectDir, String stage, String applicationName, String functionName,
		ServerlessProperties properties, List<Path> sources, List<String> profiles, List<String> configImports) {

	public StageSettings {
		sources = List.copyOf(sources);
		profiles = List.copyOf(profiles);
		configImports = List.copyOf(configImports);
	}

	/** A stage that extends no other and imports nothing: its only profile is itself. */
	public StageSettings(Path projectDir, String stage, String applicationName, String functionName,
			ServerlessProperties properties, List<Path> sources) {
		this(projectDir, stage, applicationName, functionName, properties, sources, List.of(stage), List.of());
	}

	/** Whether this stage deploys to the embedded local cloud ({@code serverless.deploy.endpoint: local}). */
	public boolean local() {
		return "local".equalsIgnoreCase(this.properties.getDeploy().getEndpoint());
	}

}
