package io.serverlessspring.maven.freshapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.codehaus.plexus.util.cli.CommandLineUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of docs/getting-started.md, for real, as the page shows it: the steps it marks
 * ({@link GettingStartedPage}) run in order on a start.spring.io-shaped app outside this reactor (the
 * starter and the plugin come by coordinates from a throw-away local repository holding this reactor's
 * artifacts): init through the plugin's full coordinates, deploy to the local cloud, curl, tail, a one-line
 * change and update, status, undeploy, local-stop; each step's expected lines must be on the page and in
 * the real output. And an app without the starter, refused with the dependency to add and nothing
 * deployed. One local cloud (on a free port) serves both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshAppIT {

	/** A deploy took 4 minutes under a load average of 21 on 2 cores. */
	private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

	@TempDir
	static Path work;

	private static ThrowAwayRepository repository;

	private static String version;

	private static Map<String, String> environment;

	/** The page's last step stops the local cloud; otherwise (a failure before it) the test does. */
	private static boolean localCloudStopped;

	@BeforeAll
	static void repository() throws IOException {
		version = System.getProperty("project.version");
		repository = new ThrowAwayRepository(work, version);
		repository.addPom("serverless-spring-parent", Path.of(System.getProperty("parent.pom")));
		for (String[] artifact : new String[][] { { "serverless-spring-boot-starter", "starter.jar" },
				{ "serverless-spring-boot-autoconfigure", "autoconfigure.jar" } }) {
			Path jar = Path.of(System.getProperty(artifact[1]));
			repository.add(artifact[0], jar, null, ThrowAwayRepository.pomOf(jar));
		}
		Path console = Path.of(System.getProperty("console.jar"));
		repository.add("serverless-spring-shell", console, "exec", ThrowAwayRepository.pomOf(console));
		repository.add("serverless-maven-plugin", Path.of(System.getProperty("plugin.jar")), null,
				Path.of(System.getProperty("plugin.pom")));
		environment = Map.of("SERVERLESS_LOCAL_PORT", Integer.toString(freePort()), "SERVERLESS_LOCAL_HOME",
				work.resolve("local-home").toString());
	}

	@AfterAll
	static void stopLocalCloud() throws Exception {
		if (repository != null && !localCloudStopped) {
			maven(work, "io.serverlessspring:serverless-maven-plugin:" + version + ":local-stop");
		}
	}

	@Test
	@Order(1)
	void anAppWithoutTheStarterIsRefusedWithTheDependencyToAddAndNothingIsDeployed() throws Exception {
		Path app = FreshApp.write(work.resolve("plain"), repository.settings());
		FreshApp.addPlugin(app, version);
		FreshApp.stage(app, "local", "serverless:\n  deploy:\n    endpoint: local\n");

		Result deploy = maven(app, "serverless:deploy", "-Dserverless.stage=local");

		assertThat(deploy.exitCode()).as(deploy.output()).isNotZero();
		assertThat(deploy.output()).contains("has no Lambda handler (io.serverlessspring.boot.handler.ServerlessHandler)")
			.contains("<artifactId>serverless-spring-boot-starter</artifactId>")
			.contains("<version>" + version + "</version>")
			.contains("Nothing was changed in AWS.")
			.doesNotContain("Deployed ");
		assertThat(maven(app, "serverless:status", "-Dserverless.stage=local").output()).contains("not deployed");
	}

	@Test
	@Order(2)
	void theGettingStartedPageRunsAsItShows() throws Exception {
		GettingStartedPage page = GettingStartedPage.read(Path.of(System.getProperty("getting-started")));
		Path app = Files.createDirectories(work.resolve("demo"));
		Files.createDirectories(app.resolve(".mvn"));
		Files.writeString(app.resolve(".mvn/maven.config"), "-s " + repository.settings() + "\n");
		String url = null;
		for (GettingStartedPage.Step step : page.steps()) {
			if (step instanceof GettingStartedPage.FileStep file) {
				Path path = app.resolve(file.path());
				Files.createDirectories(path.getParent());
				Files.writeString(path, file.content());
			}
			else if (step instanceof GettingStartedPage.EditStep edit) {
				Path path = app.resolve(edit.path());
				String source = Files.readString(path);
				assertThat(source).as(edit.path()).contains(edit.removed());
				Files.writeString(path, source.replace(edit.removed(), edit.added()));
			}
			else if (step instanceof GettingStartedPage.CommandStep command) {
				// The page shows its run's URL (port, API id); the commands after the deploy call this run's.
				String line = (url != null) ? command.command().replace(page.url(), url) : command.command();
				Result result = run(app, List.of(CommandLineUtils.translateCommandline(line)));
				assertThat(result.exitCode()).as(line + "\n" + result.output()).isZero();
				List<String> output = result.output().lines().toList();
				for (GettingStartedPage.Expect expect : command.expects()) {
					assertThat(expect.foundIn(command.transcript()))
						.as("the page shows '%s' under $ %s", expect.text(), command.command())
						.isTrue();
					assertThat(expect.foundIn(output)).as("$ %s prints '%s':%n%s", line, expect.text(), result.output())
						.isTrue();
				}
				url = (url != null) ? url : GettingStartedPage.urlIn(result.output());
				localCloudStopped = line.contains("serverless:local-stop");
			}
		}
		assertThat(url).as("the page deploys and prints a URL").isNotNull();
		assertThat(Files.readString(app.resolve("pom.xml"))).contains(
				"<artifactId>serverless-spring-boot-starter</artifactId>",
				"<artifactId>serverless-maven-plugin</artifactId>", "<version>" + version + "</version>");
	}

	record Result(int exitCode, String output) {
	}

	/** Runs {@code mvn} as a user would in {@code dir}; the app's .mvn/maven.config points it at the repository. */
	private static Result maven(Path dir, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("mvn"));
		command.addAll(List.of(arguments));
		if (!Files.isDirectory(dir.resolve(".mvn"))) {
			command.addAll(List.of("-s", repository.settings().toString()));
		}
		return run(dir, command);
	}

	/** Runs a command line in {@code dir}, standard input closed, output and errors together. */
	private static Result run(Path dir, List<String> command) throws Exception {
		Path log = Files.createTempFile(work, "run", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(COMMAND_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT + ":\n"
					+ Files.readString(log));
		}
		// Maven colours its own lines even without a terminal; the assertions read the text.
		return new Result(process.exitValue(), Files.readString(log).replaceAll("\u001B\\[[0-9;]*m", ""));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
