package io.serverlessspring.shell.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real Maven build of an app that does not compile: the failure shows Maven's error lines (the
 * compiler's message among them) and where the full log is; the progress names the app by its pom,
 * and nothing echoed carries an ANSI code.
 */
class BuildFailureOutputTest {

	@TempDir
	Path folder;

	@Test
	void aFailedBuildShowsMavensErrorLinesWithoutAnsiCodes() throws IOException {
		Path project = Files.createDirectories(this.folder.resolve("checkout"));
		Files.writeString(project.resolve("pom.xml"), """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
				  <modelVersion>4.0.0</modelVersion>
				  <parent>
				    <groupId>org.springframework.boot</groupId>
				    <artifactId>spring-boot-starter-parent</artifactId>
				    <version>%s</version>
				    <relativePath/>
				  </parent>
				  <groupId>com.example</groupId>
				  <artifactId>inventory</artifactId>
				  <version>1.0</version>
				</project>
				""".formatted(SpringBootVersion.getVersion()));
		Path source = Files.createDirectories(project.resolve("src/main/java/com/example"));
		Files.writeString(source.resolve("Inventory.java"), "package com.example;\npublic class Inventory { int count = \"many\"; }\n");
		List<String> lines = new ArrayList<>();

		assertThatThrownBy(() -> new ProjectBuilder().build(project, Progress.of(lines::add)))
			.isInstanceOf(PackagingException.class)
			.hasMessageContaining("The Maven build of inventory (" + project + ") failed (exit 1)")
			.hasMessageContaining("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin")
			.hasMessageContaining("Inventory.java:[2,38] incompatible types: java.lang.String cannot be converted to int")
			.hasMessageContaining("Full log: " + project.resolve("target/serverless/build.log"))
			.satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\u001b").doesNotContain("[INFO]"));
		assertThat(lines).first().asString().startsWith("Building inventory with Maven");
		assertThat(lines).anyMatch(line -> line.startsWith("  inventory: compile (compiler:compile) ("))
			.noneMatch(line -> line.contains("\u001b"));
		assertThat(Files.readString(project.resolve("target/serverless/build.log"))).contains("[INFO] BUILD FAILURE")
			.doesNotContain("\u001b");
	}

}
