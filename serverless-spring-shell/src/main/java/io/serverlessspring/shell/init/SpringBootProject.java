package io.serverlessspring.shell.init;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code init} found in a project folder.
 *
 * @param directory the project folder (where its pom.xml is)
 * @param pom the pom.xml
 * @param groupId Maven group id (the parent's when the pom does not set one)
 * @param artifactId Maven artifact id
 * @param version Maven version (the parent's when the pom does not set one)
 * @param mainClasses {@code @SpringBootApplication} classes with a {@code main} method, by name
 * @param applicationName {@code spring.application.name}, or {@code null} when not set
 * @param stages stages that already have an {@code application-<stage>} file
 * @param hasStarter whether the pom already depends on the starter
 * @param starterVersionManaged whether the starter's version comes from the parent or a BOM (no
 * {@code <version>} needed)
 * @param hasPlugin whether the pom's build declares serverless-maven-plugin ({@code mvn serverless:deploy})
 */
public record SpringBootProject(Path directory, Path pom, String groupId, String artifactId, String version,
		List<String> mainClasses, String applicationName, List<String> stages, boolean hasStarter,
		boolean starterVersionManaged, boolean hasPlugin) {

	/** The name the app is deployed under: {@code spring.application.name}, else the artifact id. */
	public String name() {
		return (this.applicationName != null) ? this.applicationName : this.artifactId;
	}

}
