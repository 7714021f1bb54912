package io.serverlessspring.shell.secrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.SampleSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The petstore's {@code local} stage deployed to serverless-local with secrets set by
 * {@code secrets set}: the app reads them, and no console output of the whole run (deploy with its
 * hooks, status, settings, template, secrets list, tail, undeploy; text and {@code --json}) holds a
 * secret's value.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class SecretsNeverPrintedTest {

	// Imported too (every parameter under /petstore/local/), never shown by the app.
	private static final String DB_PASSWORD = "db-pw-83c1f0aa-never-printed";

	private static LocalCloud cloud;

	@Autowired
	ConsoleRunner runner;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		if (cloud != null) {
			cloud.close();
		}
	}

	@Test
	void aSecretSetWithTheConsoleReachesTheAppAndNoOutputShowsIt() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console, "local");
		String project = SamplePackage.repositoryRoot().resolve("samples/petstore").toString();
		String common = " --project " + project + " --endpoint-url " + cloud.endpoint();
		List<String> outputs = new ArrayList<>();
		outputs.add(SampleSecrets.seed(console, common));
		outputs.add(run(console, "secrets set local petstore.db-password" + common, DB_PASSWORD));

		String deploy = run(console, "deploy local --yes --package " + zip + common, null);
		outputs.add(deploy);
		String url = deploy.lines().filter(line -> line.startsWith("URL: ")).findFirst().orElseThrow().substring(5).trim();
		HttpResponse<String> config = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url + "/config")).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(config.body()).isEqualTo(SampleSecrets.configAnswer());
		// The sample's after-deploy hook asked the app too (when curl is there), and printed its answer.
		assertThat(deploy).contains("Running serverless.hooks.after-deploy: sh scripts/show-config.sh");

		String projectOnly = " --project " + project;
		for (String command : List.of("deploy local --yes --json --package " + zip + common,
				"update local --yes --package " + zip + common, "status local" + common, "status local --json" + common,
				"settings local" + projectOnly, "settings local --json" + projectOnly,
				"template local --package " + zip + projectOnly, "template local --format sam --package " + zip + projectOnly,
				"secrets list local" + common, "secrets list local --json" + common,
				"tail local --no-follow --since 10m --no-color" + common, "undeploy local --yes --remove-logs --json" + common)) {
			outputs.add(run(console, command, null));
		}

		String everything = String.join("\n", outputs);
		assertThat(everything).contains("petstore.api-key", "petstore.db-password", "petstore.motto")
			.doesNotContain(SampleSecrets.API_KEY)
			.doesNotContain(DB_PASSWORD);
	}

	private static String run(ConsoleDriver console, String line, String stdin) {
		Run run = (stdin != null) ? console.run(line, stdin) : console.run(line);
		assertThat(run.exitCode()).as(line + "\n" + run.output()).isZero();
		return run.output();
	}

}
