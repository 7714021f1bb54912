package io.serverlessspring.maven.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.ArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleJarTest {

	@TempDir
	Path repository;

	private Artifact artifact(String artifactId, String classifier) throws IOException {
		DefaultArtifact artifact = new DefaultArtifact("io.serverlessspring", artifactId, "0.1.0", "runtime", "jar",
				classifier, new JarHandler());
		Path file = this.repository.resolve(artifactId + (classifier != null ? "-" + classifier : "") + ".jar");
		artifact.setFile(Files.write(file, new byte[] { 1 }).toFile());
		return artifact;
	}

	@Test
	void theRunnableConsoleIsTheExecJarNotThePlainOne() throws IOException {
		List<Artifact> pluginArtifacts = List.of(artifact("serverless-maven-plugin", null),
				artifact("serverless-spring-shell", null), artifact("serverless-spring-shell", "exec"));

		assertThat(ConsoleJar.find(pluginArtifacts)).isEqualTo(this.repository.resolve("serverless-spring-shell-exec.jar"));
	}

	@Test
	void aMissingConsoleJarSaysWhichArtifactAndHowToBuildIt() throws IOException {
		List<Artifact> pluginArtifacts = List.of(artifact("serverless-spring-shell", null));

		assertThatThrownBy(() -> ConsoleJar.find(pluginArtifacts)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("serverless-spring-shell:jar:exec")
			.hasMessageContaining("mvn -pl serverless-spring-shell -am package");
	}

	/** A jar's handler (Maven's own implementation lives in maven-core, which the plugin does not need). */
	private static final class JarHandler implements ArtifactHandler {

		@Override
		public String getExtension() {
			return "jar";
		}

		@Override
		public String getDirectory() {
			return null;
		}

		@Override
		public String getClassifier() {
			return null;
		}

		@Override
		public String getPackaging() {
			return "jar";
		}

		@Override
		public boolean isIncludesDependencies() {
			return false;
		}

		@Override
		public String getLanguage() {
			return "java";
		}

		@Override
		public boolean isAddedToClasspath() {
			return true;
		}

	}

}
