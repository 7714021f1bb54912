package io.serverlessspring.shell.remote;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.InputReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * invoke, manage and tail against the petstore sample deployed to the local cloud, which runs it
 * for real: a bean method's result comes back, the function answers manage, and tail shows the
 * access line of a request made after it started.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class RemoteCommandsAgainstLocalCloudTest {

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
	void invokeManageAndTailTheDeployedSample() throws Exception {
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console, "local");
		String project = SamplePackage.repositoryRoot().resolve("samples/petstore").toString();
		String common = " --project " + project + " --endpoint-url " + cloud.endpoint();
		// The local stage imports its motto and API key: a given zip runs no before-package hook, so seed them.
		SampleSecrets.seed(console, common);
		Run deploy = console.run("deploy local --yes --package " + zip + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		String url = deploy.output().lines().filter(l -> l.startsWith("URL: ")).findFirst().orElseThrow().substring(5).trim();

		Run invoke = console.run("invoke local petRegistry#all --json" + common);
		assertThat(invoke.exitCode()).as(invoke.output()).isZero();
		JsonNode response = JsonMapper.builder().build().readTree(invoke.output().substring(0, invoke.output().indexOf("\n}") + 2));
		assertThat(response.path("ok").asBoolean()).isTrue();
		assertThat(response.path("target").asString()).isEqualTo("petRegistry#all()");
		assertThat(response.path("result").isArray()).isTrue();
		assertThat(response.path("result").size()).isPositive();

		Run missing = console.run("invoke local petRegistry#noSuchMethod" + common);
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.output()).contains("not-found");

		Run manage = console.run("manage local help" + common);
		assertThat(manage.exitCode()).as(manage.output()).isZero();
		assertThat(manage.output()).contains("\"commands\"");

		// tail follows in the background; a request made after it started shows up as an access line.
		StringWriter tailed = new StringWriter();
		PrintWriter tailOut = new PrintWriter(tailed, true);
		Thread tail = new Thread(() -> this.runner.execute("tail local --http --since 1s --no-color" + common, tailOut,
				new InputReader() {
				}));
		tail.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> tailed.toString().contains("Following"));
			HttpResponse<String> hello = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/hello?tailed=yes")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(hello.statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60)).until(() -> tailed.toString().contains("\"GET /hello?tailed=yes"));
		}
		finally {
			tail.interrupt();
			tail.join(10_000);
		}
		assertThat(tailed.toString()).contains("[access]").doesNotContain("START RequestId").doesNotContain("REPORT RequestId");

		Run filtered = console.run("tail local --no-follow --since 10m --no-color --filter tailed" + common);
		assertThat(filtered.exitCode()).as(filtered.output()).isZero();
		assertThat(filtered.output().lines()).singleElement().satisfies(line -> assertThat(line).contains("GET /hello?tailed=yes"));

		Run history = console.run("tail local --no-follow --raw --since 10m --no-color" + common);
		assertThat(history.exitCode()).as(history.output()).isZero();
		assertThat(history.output()).contains("START RequestId").contains("[access]");

		Run undeploy = console.run("undeploy local --remove-logs --yes" + common);
		assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
	}

}
