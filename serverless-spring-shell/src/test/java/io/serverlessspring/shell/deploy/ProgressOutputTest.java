package io.serverlessspring.shell.deploy;

import java.nio.file.Path;

import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a non-terminal run (a pipe, CI) of package and deploy shows: plain milestone lines, no
 * ANSI code or carriage return; the build's modules and phases, the uploads' percentages, the waits
 * for AWS; and with {@code --json}, the JSON alone on standard output.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class ProgressOutputTest {

	private static MotoServer moto;

	@Autowired
	ConsoleRunner runner;

	@TempDir
	Path work;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Test
	void packageAndDeployShowPlainMilestonesAndJsonStaysJson() {
		moto.reset();
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = this.work.resolve("petstore-dev.zip");

		Run pkg = console.run("package dev --project " + SamplePackage.repositoryRoot().resolve("samples/petstore") + " -o " + zip);

		assertThat(pkg.exitCode()).as(pkg.output()).isZero();
		assertPlain(pkg.output());
		assertThat(pkg.output()).contains("Building petstore with Maven")
			.containsPattern("(?m)^  \\[\\d+/\\d+] serverless-spring-boot-starter \\(")
			.containsPattern("(?m)^  \\[\\d+/\\d+] petstore: compile \\(compiler:compile\\) \\(")
			.containsPattern("(?m)^  \\[\\d+/\\d+] petstore: package \\(")
			.containsPattern("(?m)^Built in ")
			.doesNotContain("[INFO]");

		new TestProject(this.work).settings("application-dev.yml", "petstore:\n  greeting: hi\n");
		String target = " --project " + this.work + " --endpoint-url " + moto.endpoint();
		Run deploy = console.run("deploy dev --yes --package " + zip + target);

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		assertPlain(deploy.output());
		assertThat(deploy.output()).contains("    uploading petstore-dev.zip: 100% (")
			.as("the function zip (< 1 MB) shows only its 100 % line, the layer each quarter")
			.doesNotContainPattern("uploading petstore-dev\\.zip: (25|50|75)%")
			.contains("    uploading petstore-dev-dependencies.zip: 25% (", "    uploading petstore-dev-dependencies.zip: 50% (")
			.contains("    uploading petstore-dev-dependencies.zip: 100% (")
			.contains("    waiting for function petstore-dev to be active ...");

		new TestProject(this.work).settings("application-dev.yml", "serverless:\n  function:\n    memory: 512\n");
		Run json = console.run("update dev --yes --json --package " + zip + target);

		assertThat(json.exitCode()).as(json.output()).isZero();
		JsonNode plan = JsonMapper.builder().build().readTree(json.output());
		assertThat(plan.isObject()).as(json.output()).isTrue();
		assertThat(json.output().strip()).startsWith("{").endsWith("}");
	}

	private static void assertPlain(String output) {
		assertThat(output).doesNotContain("\u001b").doesNotContain("\r");
	}

}
