package io.serverlessspring.maven.freshapp;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/getting-started.md read as FreshAppIT reads it, without running anything: the markers are well
 * formed, the steps come in the page's order and every expected line is shown on the page.
 */
class GettingStartedPageTest {

	private final GettingStartedPage page = read();

	@Test
	void theAppsFilesComeFirstThenTheCommandsInThePagesOrder() {
		List<String> steps = this.page.steps().stream().map(GettingStartedPageTest::describe).toList();

		assertThat(steps).containsExactly("file pom.xml", "file src/main/java/com/example/demo/DemoApplication.java",
				"file src/main/resources/application.properties",
				"file src/main/java/com/example/demo/HelloController.java",
				"$ mvn io.serverlessspring:serverless-maven-plugin:0.1.0-SNAPSHOT:console \"-Dserverless.command=init --stage local --yes\"",
				"$ mvn serverless:deploy -Dserverless.stage=local",
				"$ curl " + this.page.url() + "/hello",
				"$ mvn serverless:tail -Dserverless.stage=local -Dserverless.follow=false",
				"edit src/main/java/com/example/demo/HelloController.java",
				"$ mvn serverless:update -Dserverless.stage=local", "$ curl " + this.page.url() + "/hello",
				"$ mvn serverless:status -Dserverless.stage=local", "$ mvn serverless:undeploy -Dserverless.stage=local",
				"$ mvn serverless:status -Dserverless.stage=local", "$ mvn serverless:local-stop");
	}

	@Test
	void everyExpectedLineIsShownInItsTranscript() {
		for (GettingStartedPage.Step step : this.page.steps()) {
			if (step instanceof GettingStartedPage.CommandStep command) {
				assertThat(command.expects()).as(command.command()).isNotEmpty();
				for (GettingStartedPage.Expect expect : command.expects()) {
					assertThat(expect.foundIn(command.transcript())).as("'%s' under $ %s", expect.text(), command.command())
						.isTrue();
				}
			}
		}
	}

	@Test
	void anExpectMatchesAnyTextWhereThePageWritesAnEllipsis() {
		GettingStartedPage.Expect touched = new GettingStartedPage.Expect("Touched http://127.0.0.1:…/hello: HTTP 200 in");

		assertThat(touched.foundIn(List.of("[INFO] Touched http://127.0.0.1:40111/_aws/execute-api/ab12/hello: HTTP 200 in 3.1 s")))
			.isTrue();
		assertThat(touched.foundIn(List.of("[INFO] Touched http://127.0.0.1:40111/_aws/execute-api/ab12/hello: HTTP 404 in 3.1 s")))
			.isFalse();
	}

	@Test
	void theOneLineChangeReplacesTheControllersAnswer() {
		GettingStartedPage.EditStep edit = this.page.steps()
			.stream()
			.filter(GettingStartedPage.EditStep.class::isInstance)
			.map(GettingStartedPage.EditStep.class::cast)
			.findFirst()
			.orElseThrow();

		assertThat(edit.removed()).isEqualTo("\t\treturn \"Hello from demo\";");
		assertThat(edit.added()).isEqualTo("\t\treturn \"Hello again from demo\";");
	}

	private static String describe(GettingStartedPage.Step step) {
		if (step instanceof GettingStartedPage.FileStep file) {
			return "file " + file.path();
		}
		if (step instanceof GettingStartedPage.EditStep edit) {
			return "edit " + edit.path();
		}
		return "$ " + ((GettingStartedPage.CommandStep) step).command();
	}

	private static GettingStartedPage read() {
		try {
			return GettingStartedPage.read(Path.of(System.getProperty("getting-started")));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
