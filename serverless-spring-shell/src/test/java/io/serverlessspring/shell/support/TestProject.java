package io.serverlessspring.shell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A project folder with only settings files: enough for commands given {@code --package}. */
public final class TestProject {

	private final Path dir;

	public TestProject(Path dir) {
		this.dir = dir;
		settings("application.yml", "spring:\n  application:\n    name: petstore\n");
	}

	public Path dir() {
		return this.dir;
	}

	public TestProject settings(String file, String yaml) {
		try {
			Path resources = this.dir.resolve("src/main/resources");
			Files.createDirectories(resources);
			Files.writeString(resources.resolve(file), yaml);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
