package io.serverlessspring.shell.init;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.settings.SettingsMetadata;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectInitializerTest {

	private static final SettingsMetadata METADATA = SettingsMetadata.load();

	@TempDir
	Path work;

	Path project;

	final StringWriter output = new StringWriter();

	final PrintWriter out = new PrintWriter(this.output, true);

	final ProjectInitializer initializer = new ProjectInitializer(new ProjectDetector(), () -> "eu-central-1",
			() -> "9.9.9");

	@BeforeEach
	void copyProject() throws IOException, URISyntaxException {
		Path fixture = Path.of(getClass().getResource("/projects/greeter/pom.xml").toURI()).getParent();
		this.project = this.work.resolve("greeter");
		try (Stream<Path> files = Files.walk(fixture)) {
			for (Path file : files.toList()) {
				Path target = this.project.resolve(fixture.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	@Test
	void detectsTheApplicationFromItsPomSourcesAndSettings() {
		SpringBootProject detected = new ProjectDetector().detect(this.project);
		assertThat(detected.groupId()).isEqualTo("com.example");
		assertThat(detected.artifactId()).isEqualTo("greeter");
		assertThat(detected.version()).isEqualTo("1.2.0");
		assertThat(detected.mainClasses()).containsExactly("com.example.greeter.GreeterApplication");
		assertThat(detected.applicationName()).isEqualTo("greeter");
		assertThat(detected.stages()).isEmpty();
		assertThat(detected.hasStarter()).isFalse();
		assertThat(detected.starterVersionManaged()).isFalse();
	}

	@Test
	void byFlagsAddsTheStarterToTheProjectDependenciesAndWritesAStageTheConsoleCanLoad() throws Exception {
		InitOptions options = new InitOptions(this.project, "prod", "eu-west-1", null, "greeter-deployments",
				"rest-api", 2048, null, true, false, false);

		List<Path> written = this.initializer.run(options, failingPrompter(), this.out);

		assertThat(written).containsExactly(this.project.resolve("pom.xml"),
				this.project.resolve("src/main/resources/application-prod.yml"));
		assertThat(this.output.toString()).contains("+      <artifactId>serverless-spring-boot-starter</artifactId>")
			.contains("--- pom.xml")
			.contains("Wrote src/main/resources/application-prod.yml");
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(this.project.resolve("pom.xml").toFile());
		assertThat(starterElements(pom)).singleElement().satisfies(dependency -> {
			assertThat(((Element) dependency.getParentNode().getParentNode()).getTagName()).isEqualTo("project");
			assertThat(dependency.getElementsByTagName("version").item(0).getTextContent()).isEqualTo("9.9.9");
		});
		// Re-running finds the starter and leaves pom.xml alone.
		assertThat(new ProjectDetector().detect(this.project).hasStarter()).isTrue();

		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "prod");
		assertThat(settings.properties().getDeploy().getRegion()).isEqualTo("eu-west-1");
		assertThat(settings.properties().getDeploy().getBucket()).isEqualTo("greeter-deployments");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(2048);
		assertThat(settings.properties().getHttp().getType()).isEqualTo(HttpSettings.Type.REST_API);
		assertThat(settings.functionName()).isEqualTo("greeter-prod");
		assertThat(Files.readString(settings.sources().get(1))).contains("# The AWS region the stage lives in.");
	}

	@Test
	void withYesTakesTheProfileRegionAndDefaults() throws Exception {
		this.initializer.run(new InitOptions(this.project, null, null, null, null, null, null, "local", true, false, true),
				failingPrompter(), this.out);

		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "dev");
		assertThat(settings.properties().getDeploy().getRegion()).isEqualTo("eu-central-1");
		assertThat(settings.properties().getDeploy().getBucket()).isNull();
		assertThat(settings.properties().getDeploy().getEndpoint()).isEqualTo("local");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(1024);
		assertThat(settings.properties().getHttp().getType()).isEqualTo(HttpSettings.Type.HTTP_API);
		assertThat(Files.readString(this.project.resolve("pom.xml"))).doesNotContain("serverless-spring-boot-starter");
	}

	@Test
	void neverReplacesAnExistingStageFileWithoutForce() throws Exception {
		Path existing = this.project.resolve("src/main/resources/application-prod.yml");
		Files.writeString(existing, "serverless:\n  function:\n    memory: 512\n");
		String pomBefore = Files.readString(this.project.resolve("pom.xml"));

		assertThatThrownBy(() -> this.initializer.run(
				new InitOptions(this.project, "prod", null, null, null, null, null, null, true, false, false),
				failingPrompter(), this.out))
			.isInstanceOf(InitException.class)
			.hasMessageContaining("application-prod.yml already exists")
			.hasMessageContaining("--force");
		assertThat(Files.readString(existing)).isEqualTo("serverless:\n  function:\n    memory: 512\n");
		assertThat(Files.readString(this.project.resolve("pom.xml"))).isEqualTo(pomBefore);

		this.initializer.run(new InitOptions(this.project, "prod", null, null, null, null, 3008, null, true, true, true),
				failingPrompter(), this.out);
		assertThat(Files.readString(existing)).contains("memory: 3008");
	}

	@Test
	void badFlagsAreNamedAndNothingIsWritten() throws Exception {
		String pomBefore = Files.readString(this.project.resolve("pom.xml"));
		assertThatThrownBy(() -> this.initializer.run(
				new InitOptions(this.project, "prod", "Europe", null, "Bad_Bucket", "lambda", 64, null, true, false, false),
				failingPrompter(), this.out))
			.isInstanceOf(InitException.class)
			.hasMessageContaining("--region 'Europe' is not valid")
			.hasMessageContaining("--bucket 'Bad_Bucket' is not a valid S3 bucket name")
			.hasMessageContaining("--http-type 'lambda' is not valid: expected one of http-api, rest-api")
			.hasMessageContaining("--memory 64 is not valid: expected 128 to 10240");
		assertThat(Files.readString(this.project.resolve("pom.xml"))).isEqualTo(pomBefore);
		assertThat(this.project.resolve("src/main/resources/application-prod.yml")).doesNotExist();
	}

	@Test
	void aFolderWithoutSpringBootApplicationIsRefused() throws Exception {
		Files.delete(this.project.resolve("src/main/java/com/example/greeter/GreeterApplication.java"));
		assertThatThrownBy(() -> this.initializer.run(
				new InitOptions(this.project, "prod", null, null, null, null, null, null, true, false, false),
				failingPrompter(), this.out))
			.hasMessageContaining("No @SpringBootApplication class with a main method");
		assertThatThrownBy(() -> new ProjectDetector().detect(this.work))
			.hasMessageContaining("No pom.xml in " + this.work.toAbsolutePath().normalize());
	}

	@Test
	void interactiveFlowAsksWithShellComponents() throws Exception {
		String keys = "prod" + ScriptedTerminal.ENTER // stage
				+ ScriptedTerminal.ENTER // where: aws (credentials found)
				+ ScriptedTerminal.ENTER // region: the profile's default
				+ "greeter-artifacts" + ScriptedTerminal.ENTER // bucket
				+ ScriptedTerminal.DOWN + ScriptedTerminal.DOWN + ScriptedTerminal.ENTER // http-api -> rest-api -> function-url
				+ "99" + ScriptedTerminal.ENTER // memory: refused, asked again
				+ "1536" + ScriptedTerminal.ENTER
				+ "y" + ScriptedTerminal.ENTER; // add the starter
		try (ScriptedTerminal terminal = new ScriptedTerminal(keys)) {
			List<Path> written = this.initializer.run(
					new InitOptions(this.project, null, null, null, null, null, null, null, false, false, false),
					new ComponentFlowPrompter(terminal.flows()), this.out);

			assertThat(written).hasSize(2);
			assertThat(terminal.screen()).contains("Stage name").contains("AWS region").contains("HTTP front");
			assertThat(plain(terminal.screen())).contains("Change pom.xml as shown? yes");
		}
		assertThat(this.output.toString()).contains("'99' is not valid: a whole number from 128 to 10240.");
		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "prod");
		assertThat(settings.properties().getDeploy().getRegion()).isEqualTo("eu-central-1");
		assertThat(settings.properties().getDeploy().getBucket()).isEqualTo("greeter-artifacts");
		assertThat(settings.properties().getHttp().getType()).isEqualTo(HttpSettings.Type.FUNCTION_URL);
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(1536);
		assertThat(Files.readString(this.project.resolve("pom.xml"))).contains("serverless-spring-boot-starter");
	}

	@Test
	void interactiveFlowKeepsAnExistingStageFileWhenTheAnswerIsNo() throws Exception {
		Path existing = this.project.resolve("src/main/resources/application-dev.yml");
		Files.writeString(existing, "# mine\n", StandardCharsets.UTF_8);
		String keys = ScriptedTerminal.ENTER // stage: dev
				+ "n" + ScriptedTerminal.ENTER // do not replace
				+ "n" + ScriptedTerminal.ENTER; // do not touch pom.xml either
		String pomBefore = Files.readString(this.project.resolve("pom.xml"));
		try (ScriptedTerminal terminal = new ScriptedTerminal(keys)) {
			List<Path> written = this.initializer.run(
					new InitOptions(this.project, null, null, null, null, null, null, null, false, false, false),
					new ComponentFlowPrompter(terminal.flows()), this.out);
			assertThat(written).isEmpty();
		}
		assertThat(Files.readString(existing)).isEqualTo("# mine\n");
		assertThat(Files.readString(this.project.resolve("pom.xml"))).isEqualTo(pomBefore);
		assertThat(this.output.toString()).contains("Keeping application-dev.yml as it is.");
	}

	@Test
	void declinedPomChangeNamesThePluginGoalByItsFullCoordinates() throws Exception {
		String keys = "prod" + ScriptedTerminal.ENTER // stage
				+ ScriptedTerminal.ENTER // where: aws (credentials found)
				+ ScriptedTerminal.ENTER // region: the profile's default
				+ ScriptedTerminal.ENTER // bucket: default
				+ ScriptedTerminal.ENTER // http-api
				+ ScriptedTerminal.ENTER // memory
				+ "n" + ScriptedTerminal.ENTER; // leave pom.xml alone
		String pomBefore = Files.readString(this.project.resolve("pom.xml"));
		String screen;
		try (ScriptedTerminal terminal = new ScriptedTerminal(keys)) {
			this.initializer.run(new InitOptions(this.project, null, null, null, null, null, null, null, false, false,
					false), new ComponentFlowPrompter(terminal.flows()), this.out);
			screen = terminal.screen();
		}
		assertThat(Files.readString(this.project.resolve("pom.xml"))).isEqualTo(pomBefore);
		assertThat(this.output.toString()).contains("pom.xml left as it is")
			.containsPattern("(?m)^Next: mvn -f \\S+/greeter/pom.xml "
					+ "io.serverlessspring:serverless-maven-plugin:9.9.9:deploy -Dserverless.stage=prod$")
			.doesNotContain("./serverless");
		// the answer is echoed as the user gave it, not as a Boolean
		assertThat(plain(screen)).contains("Change pom.xml as shown? no").doesNotContain("shown? false");
	}

	@Test
	void withoutAwsCredentialsTheStageRunsOnTheLocalCloudAndTheNextCommandIsThePluginGoal() throws Exception {
		Files.writeString(this.project.resolve("src/main/java/com/example/greeter/GreetingController.java"), """
				package com.example.greeter;

				@org.springframework.web.bind.annotation.RestController
				@org.springframework.web.bind.annotation.RequestMapping("/greetings")
				public class GreetingController {

					@org.springframework.web.bind.annotation.GetMapping
					public String all() { return "hi"; }

					@org.springframework.web.bind.annotation.GetMapping(value = "/{name}")
					public String one(String name) { return name; }

					@org.springframework.web.bind.annotation.GetMapping("/today")
					public String today() { return "today"; }

				}
				""");
		ProjectInitializer withoutCredentials = new ProjectInitializer(new ProjectDetector(), () -> "eu-central-1",
				() -> "9.9.9", () -> false);

		withoutCredentials.run(new InitOptions(this.project, "local", null, null, null, null, null, null, true, false,
				false), failingPrompter(), this.out);

		assertThat(this.output.toString()).contains("No AWS credentials found: the stage runs on the local cloud")
			.contains("+        <artifactId>serverless-maven-plugin</artifactId>")
			.containsPattern("(?m)^Next: mvn -f \\S+/greeter/pom.xml serverless:deploy -Dserverless.stage=local$");
		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "local");
		assertThat(settings.properties().getDeploy().getEndpoint()).isEqualTo("local");
		assertThat(settings.properties().getDeploy().getTouchPath()).isEqualTo("/greetings");
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(this.project.resolve("pom.xml").toFile());
		NodeList plugins = pom.getElementsByTagName("plugin");
		assertThat(plugins.getLength()).isEqualTo(2);
		Element plugin = (Element) plugins.item(1);
		assertThat(((Element) plugin.getParentNode().getParentNode()).getTagName()).isEqualTo("build");
		assertThat(plugin.getElementsByTagName("artifactId").item(0).getTextContent()).isEqualTo("serverless-maven-plugin");
		assertThat(plugin.getElementsByTagName("version").item(0).getTextContent()).isEqualTo("9.9.9");
		// Re-running finds both and leaves pom.xml alone.
		SpringBootProject again = new ProjectDetector().detect(this.project);
		assertThat(again.hasStarter()).isTrue();
		assertThat(again.hasPlugin()).isTrue();
	}

	@Test
	void theTouchPathAndTheTargetCanBeGivenAndAreChecked() throws Exception {
		this.initializer.run(new InitOptions(this.project, "prod", null, null, null, null, null, "aws", true, false,
				true, "/ping"), failingPrompter(), this.out);

		StageSettings settings = new StageSettingsLoader(METADATA).load(this.project, "prod");
		assertThat(settings.properties().getDeploy().getEndpoint()).isNull();
		assertThat(settings.properties().getDeploy().getTouchPath()).isEqualTo("/ping");
		assertThatThrownBy(() -> this.initializer.run(new InitOptions(this.project, "qa", null, null, null, null, null,
				"moon", true, false, true, "ping"), failingPrompter(), this.out))
			.hasMessageContaining("--endpoint 'moon' is not valid: expected 'local', 'aws' or an http(s):// URL")
			.hasMessageContaining("--touch-path 'ping' is not valid: expected a path starting with '/', or 'none'");
	}

	@Test
	void thePluginGoesIntoANewBuildSectionWhenThePomHasNone() {
		String pom = "<project>\n  <modelVersion>4.0.0</modelVersion>\n</project>\n";

		String after = PomEditor.addPlugin(pom, "1.0").after();

		assertThat(after).isEqualTo("<project>\n  <modelVersion>4.0.0</modelVersion>\n  <build>\n    <plugins>\n"
				+ "      <plugin>\n        <groupId>io.serverlessspring</groupId>\n"
				+ "        <artifactId>serverless-maven-plugin</artifactId>\n        <version>1.0</version>\n"
				+ "      </plugin>\n    </plugins>\n  </build>\n</project>\n");
	}

	@Test
	void getMappingsAreReadFromControllerSources() {
		assertThat(SourceGetMappings.ofSource("""
				@RestController
				public class Hello {
					@GetMapping("/hello") String hello() { return ""; }
					@GetMapping(path = "/items/{id}") String item() { return ""; }
					@PostMapping("/hello") String post() { return ""; }
				}
				""")).containsExactly("/hello");
		assertThat(SourceGetMappings.ofSource("class NotAController { @GetMapping(\"/x\") void x() { } }")).isEmpty();
	}

	private static List<Element> starterElements(Document pom) {
		NodeList artifacts = pom.getElementsByTagName("artifactId");
		List<Element> found = new java.util.ArrayList<>();
		for (int i = 0; i < artifacts.getLength(); i++) {
			if ("serverless-spring-boot-starter".equals(artifacts.item(i).getTextContent())) {
				found.add((Element) artifacts.item(i).getParentNode());
			}
		}
		return found;
	}

	/** The screen without its colours. */
	private static String plain(String screen) {
		return screen.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
	}

	/** With --yes nothing may be asked. */
	private static InitPrompter failingPrompter() {
		return new InitPrompter() {
			@Override
			public String input(String question, String defaultValue) {
				throw new AssertionError("asked: " + question);
			}

			@Override
			public String select(String question, List<String> options, String defaultOption) {
				throw new AssertionError("asked: " + question);
			}

			@Override
			public boolean confirm(String question, boolean defaultValue) {
				throw new AssertionError("asked: " + question);
			}
		};
	}

}
