package io.serverlessspring.maven.freshapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A local Maven repository of its own for an app outside the reactor: this reactor's artifacts are
 * copied into it in Maven's layout (never {@code mvn install}, the shared {@code ~/.m2} stays as it
 * is), and a {@code settings.xml} makes the user's {@code ~/.m2/repository} its only remote, as a
 * {@code file://} mirror: everything else comes from there, nothing from the network.
 */
final class ThrowAwayRepository {

	static final String GROUP_PATH = "io/serverlessspring";

	private final Path root;

	private final Path settings;

	private final String version;

	ThrowAwayRepository(Path dir, String version) throws IOException {
		this.root = dir.resolve("repository");
		this.settings = dir.resolve("settings.xml");
		this.version = version;
		Files.createDirectories(this.root);
		Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
		Files.writeString(this.settings, """
				<settings>
				  <localRepository>%s</localRepository>
				  <mirrors>
				    <mirror>
				      <id>user-repository</id>
				      <mirrorOf>*</mirrorOf>
				      <url>%s</url>
				    </mirror>
				  </mirrors>
				</settings>
				""".formatted(this.root, userRepository.toUri()));
	}

	Path settings() {
		return this.settings;
	}

	/** Copies a built jar (with classifier, or {@code null}) and its pom. */
	ThrowAwayRepository add(String artifactId, Path jar, String classifier, Path pom) throws IOException {
		assertThat(jar).as(artifactId + " jar (package the reactor first)").isRegularFile();
		Path dir = addPom(artifactId, pom);
		String name = artifactId + "-" + this.version + ((classifier != null) ? "-" + classifier : "") + ".jar";
		Files.copy(jar, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		return this;
	}

	/** Copies a pom alone (a parent). */
	Path addPom(String artifactId, Path pom) throws IOException {
		assertThat(pom).as(artifactId + " pom").isRegularFile();
		Path dir = this.root.resolve(GROUP_PATH).resolve(artifactId).resolve(this.version);
		Files.createDirectories(dir);
		Files.copy(pom, dir.resolve(artifactId + "-" + this.version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
		return dir;
	}

	/** The pom beside a jar resolved from a repository, else the module's pom for a jar in its {@code target/}. */
	static Path pomOf(Path jar) {
		String name = jar.getFileName().toString();
		Path sibling = jar.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".pom");
		return Files.isRegularFile(sibling) ? sibling : jar.getParent().getParent().resolve("pom.xml");
	}

}
