package io.serverlessspring.shell.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./serverless} launcher itself, as a user runs it from the repository, on the console jar
 * this build made ({@code SERVERLESS_CONSOLE_JAR}: no Maven run inside the test): the unpacked jar and
 * its class-data sharing archive in a temporary cache, {@code --help}, {@code version}, and the local
 * cloud started and stopped on a free loopback port with a temporary home. Every other test starts the
 * console in-process; this one catches a launcher that cannot start it.
 */
class LauncherIT {

	/** A guard against a hung launcher, not a speed check (bench/console measures speed). */
	private static final long MINUTES = 5;

	@TempDir
	Path temp;

	@Test
	void helpAndVersionRunFromTheLauncher() throws Exception {
		Result help = serverless(Map.of(), "--help");
		assertThat(help.exitCode()).as(help.output()).isZero();
		assertThat(help.output()).contains("deploy:", "status:", "local start:", "version:");
		// the first run wrote the help runs' class-data sharing archive; the second starts from it
		Result version = serverless(Map.of(), "version");
		assertThat(version.exitCode()).as(version.output()).isZero();
		assertThat(version.output()).contains("Serverless Spring ", "Spring Boot ", "AWS SDK for Java ");
		try (var entries = Files.walk(this.temp.resolve("cache"))) {
			assertThat(entries.map(Path::getFileName).map(Path::toString)).contains("help.jsa", "console.jar");
		}
	}

	@Test
	void localStartAndStopRunFromTheLauncher() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, String> local = Map.of("SERVERLESS_LOCAL_PORT", Integer.toString(port), "SERVERLESS_LOCAL_HOME",
				this.temp.resolve("local-home").toString());
		try {
			Result start = serverless(local, "local", "start");
			assertThat(start.exitCode()).as(start.output()).isZero();
			assertThat(start.output()).contains("127.0.0.1:" + port);
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("the local cloud answers on its port").isGreaterThan(0);
		}
		finally {
			Result stop = serverless(local, "local", "stop");
			assertThat(stop.exitCode()).as(stop.output()).isZero();
			assertThat(stop.output()).contains("Local cloud stopped.");
		}
		Result status = serverless(local, "local", "status");
		assertThat(status.output()).contains("The local cloud is not running.");
		// the other commands' archive, written by the first of them
		try (var entries = Files.walk(this.temp.resolve("cache"))) {
			assertThat(entries.map(Path::getFileName).map(Path::toString)).contains("console.jsa");
		}
	}

	private record Result(int exitCode, String output) {
	}

	private Result serverless(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("repository.root"));
		List<String> command = new ArrayList<>();
		command.add(root.resolve("serverless").toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temp.resolve("output.txt").toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVERLESS_CONSOLE_JAR", System.getProperty("console.jar"));
		builder.environment().put("SERVERLESS_CONSOLE_CACHE", this.temp.resolve("cache").toString());
		Process process = builder.start();
		if (!process.waitFor(MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("./serverless " + String.join(" ", arguments) + " did not end within " + MINUTES
					+ " minutes:\n" + Files.readString(this.temp.resolve("output.txt")));
		}
		return new Result(process.exitValue(), Files.readString(this.temp.resolve("output.txt"), StandardCharsets.UTF_8));
	}

}
