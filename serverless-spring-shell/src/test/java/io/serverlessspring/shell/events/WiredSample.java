package io.serverlessspring.shell.events;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.ModifiedPackage;

/** The sample package with another manifest: event handlers the sample itself does not declare. */
final class WiredSample {

	private final ConsoleDriver console;

	private final Path zip;

	private final Path projectDir;

	private final URI endpoint;

	WiredSample(ConsoleDriver console, Path zip, Path projectDir, URI endpoint) {
		this.console = console;
		this.zip = zip;
		this.projectDir = projectDir;
		this.endpoint = endpoint;
	}

	/** Deploys the sample with {@code manifest}; the same {@code name} deploys the same package again. */
	Run deploy(String manifest, String name) throws IOException {
		Path wired = this.projectDir.resolve("target/" + name + ".zip");
		if (!Files.exists(wired)) {
			ModifiedPackage.withEntry(this.zip, "serverless-manifest.json", manifest, wired);
		}
		return this.console.run("deploy dev --yes --package " + wired + " --project " + this.projectDir
				+ " --endpoint-url " + this.endpoint);
	}

	Run undeploy() {
		return this.console.run("undeploy dev --yes --project " + this.projectDir + " --endpoint-url " + this.endpoint);
	}

	/** A manifest with these {@code eventHandlers} (JSON objects) and nothing else to wire. */
	static String manifest(String... handlers) {
		return "{\"formatVersion\": 1, \"keepWarm\": {\"enabled\": false}, \"eventHandlers\": [" + String.join(",", handlers)
				+ "]}";
	}

}
