package io.serverlessspring.maven.freshapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of docs/getting-started.md, for real: a Spring Boot web app shaped like
 * start.spring.io's, outside this reactor (its own pom; the starter and the plugin come by
 * coordinates from a throw-away local repository holding this reactor's artifacts), set up by
 * {@code init} run through the plugin's full coordinates, deployed to the local cloud by the
 * command init prints, called over HTTP, undeployed. And an app without the starter, refused with
 * the dependency to add and nothing deployed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshAppIT {

	private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(5);

	private static final Pattern URL = Pattern.compile("(?m)^(?:\\[INFO\\] )?URL: (\\S+)$");

	@TempDir
	static Path work;

	private static ThrowAwayRepository repository;

	private static String version;

	private static Map<String, String> environment;

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
		if (repository != null) {
			maven(work, "io.serverlessspring:serverless-maven-plugin:" + version + ":local-stop");
		}
	}

	@Test
	@Order(1)
	void initThenTheCommandItPrintsDeploysTheAppWhichAnswersItsGetMapping() throws Exception {
		Path app = FreshApp.write(work.resolve("demo"), repository.settings());

		Result init = maven(app, "io.serverlessspring:serverless-maven-plugin:" + version + ":console",
				"-Dserverless.command=init --stage local --yes");

		assertThat(init.exitCode()).as(init.output()).isZero();
		assertThat(init.output()).contains("No AWS credentials found")
			.contains("serverless-spring-boot-starter")
			.contains("Updated pom.xml")
			.contains("Wrote src/main/resources/application-local.yml");
		String pom = Files.readString(app.resolve("pom.xml"));
		assertThat(pom).contains("<artifactId>serverless-spring-boot-starter</artifactId>",
				"<artifactId>serverless-maven-plugin</artifactId>", "<version>" + version + "</version>");
		assertThat(Files.readString(app.resolve("src/main/resources/application-local.yml")))
			.contains("endpoint: local", "touch-path: /hello");
		String next = nextCommand(init.output());
		assertThat(next).isEqualTo("mvn serverless:deploy -Dserverless.stage=local");

		Result deploy = maven(app, Arrays.copyOfRange(next.split(" "), 1, next.split(" ").length));

		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		assertThat(deploy.output()).containsPattern("Touched \\S+/hello: HTTP 200");
		Matcher url = URL.matcher(deploy.output());
		assertThat(url.find()).as(deploy.output()).isTrue();
		HttpResponse<String> hello = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/hello")).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(hello.body()).isEqualTo("Hello from demo");

		Result undeploy = maven(app, "serverless:undeploy", "-Dserverless.stage=local");

		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
		assertThat(maven(app, "serverless:status", "-Dserverless.stage=local").output()).contains("not deployed");
	}

	@Test
	@Order(2)
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

	/** The command after "Next:" in init's output. */
	private static String nextCommand(String output) {
		Matcher next = Pattern.compile("(?m)Next: (.+)$").matcher(output);
		assertThat(next.find()).as(output).isTrue();
		return next.group(1).strip();
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
		Path log = Files.createTempFile(work, "mvn", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(MAVEN_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " did not finish in " + MAVEN_TIMEOUT + ":\n"
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
