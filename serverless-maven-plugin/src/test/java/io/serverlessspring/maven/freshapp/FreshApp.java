package io.serverlessspring.maven.freshapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal Spring Boot web app as start.spring.io makes it (parent, {@code spring-boot-starter-webmvc},
 * the Boot plugin, one application class) with one controller, in a folder of its own.
 */
final class FreshApp {

	private FreshApp() {
	}

	/**
	 * @param settings the settings.xml every Maven run in the app uses ({@code .mvn/maven.config}), so
	 * the commands the test runs (and the console's own build of the app) are the ones a user types
	 */
	static Path write(Path dir, Path settings) throws IOException {
		String name = dir.getFileName().toString();
		Path sources = dir.resolve("src/main/java/com/example/" + name);
		Files.createDirectories(sources);
		Files.createDirectories(dir.resolve("src/main/resources"));
		Files.writeString(dir.resolve("pom.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
				  <modelVersion>4.0.0</modelVersion>
				  <parent>
				    <groupId>org.springframework.boot</groupId>
				    <artifactId>spring-boot-starter-parent</artifactId>
				    <version>4.1.2</version>
				    <relativePath/>
				  </parent>
				  <groupId>com.example</groupId>
				  <artifactId>%1$s</artifactId>
				  <version>0.0.1-SNAPSHOT</version>
				  <name>%1$s</name>
				  <properties>
				    <java.version>17</java.version>
				  </properties>
				  <dependencies>
				    <dependency>
				      <groupId>org.springframework.boot</groupId>
				      <artifactId>spring-boot-starter-webmvc</artifactId>
				    </dependency>
				  </dependencies>

				  <build>
				    <plugins>
				      <plugin>
				        <groupId>org.springframework.boot</groupId>
				        <artifactId>spring-boot-maven-plugin</artifactId>
				      </plugin>
				    </plugins>
				  </build>
				</project>
				""".formatted(name));
		String type = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		Files.writeString(sources.resolve(type + "Application.java"), """
				package com.example.%1$s;

				import org.springframework.boot.SpringApplication;
				import org.springframework.boot.autoconfigure.SpringBootApplication;

				@SpringBootApplication
				public class %2$sApplication {

					public static void main(String[] args) {
						SpringApplication.run(%2$sApplication.class, args);
					}

				}
				""".formatted(name, type));
		Files.writeString(sources.resolve("HelloController.java"), """
				package com.example.%1$s;

				import org.springframework.web.bind.annotation.GetMapping;
				import org.springframework.web.bind.annotation.RestController;

				@RestController
				public class HelloController {

					@GetMapping("/hello")
					public String hello() {
						return "Hello from %1$s";
					}

				}
				""".formatted(name));
		Files.writeString(dir.resolve("src/main/resources/application.properties"),
				"spring.application.name=" + name + "\n");
		Files.createDirectories(dir.resolve(".mvn"));
		Files.writeString(dir.resolve(".mvn/maven.config"), "-s " + settings + "\n");
		return dir;
	}

	/** Declares the plugin by hand, as the plugin page says (without the starter). */
	static void addPlugin(Path app, String version) throws IOException {
		Path pom = app.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("    </plugins>", """
				      <plugin>
				        <groupId>io.serverlessspring</groupId>
				        <artifactId>serverless-maven-plugin</artifactId>
				        <version>%s</version>
				      </plugin>
				    </plugins>""".formatted(version)));
	}

	static void stage(Path app, String stage, String yaml) throws IOException {
		Files.writeString(app.resolve("src/main/resources/application-" + stage + ".yml"), yaml);
	}

}
