package io.serverlessspring.maven.console;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;

import org.apache.maven.artifact.Artifact;

/**
 * The runnable console jar ({@code io.serverlessspring:serverless-spring-shell:jar:exec}, the file
 * {@code ./serverless} runs as {@code serverless-console-exec.jar}) among the plugin's own
 * dependencies, which Maven has already resolved when a goal runs.
 *
 * <p>The runnable jar rather than the console's class path: it carries every library the console
 * needs (Maven's own SLF4J is kept out of a plugin's dependencies), and the local cloud it starts gets
 * a command line short enough for {@code local stop} to find it again.
 */
public final class ConsoleJar {

	static final String ARTIFACT_ID = "serverless-spring-shell";

	static final String CLASSIFIER = "exec";

	private ConsoleJar() {
	}

	/** The console jar among {@code artifacts} (the plugin descriptor's), as a local file. */
	public static Path find(Collection<Artifact> artifacts) {
		return artifacts.stream()
			.filter(artifact -> ARTIFACT_ID.equals(artifact.getArtifactId()) && CLASSIFIER.equals(artifact.getClassifier()))
			.map(Artifact::getFile)
			.filter(file -> file != null && file.isFile())
			.map(File::toPath)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The plugin's dependency " + ARTIFACT_ID + ":jar:" + CLASSIFIER
					+ " (the console it runs) was not resolved; in this repository build it with"
					+ " 'mvn -pl serverless-spring-shell -am package'"));
	}

}
