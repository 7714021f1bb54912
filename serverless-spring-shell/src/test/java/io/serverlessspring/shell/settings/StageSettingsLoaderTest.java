package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageSettingsLoaderTest {

	@TempDir
	Path project;

	private final StageSettingsLoader loader = new StageSettingsLoader(SettingsMetadata.load());

	@Test
	void bindsStageOverBaseWithDefaults() throws IOException {
		write("application.yml", """
				spring:
				  application:
				    name: shop
				serverless:
				  function:
				    memory: 512
				    environment:
				      GREETING: hello
				""");
		write("application-prod.yml", """
				serverless:
				  function:
				    memory: 2048
				    runtime: java25
				    architecture: arm64
				  http:
				    type: function-url
				""");
		StageSettings settings = this.loader.load(this.project, "prod");
		assertThat(settings.functionName()).isEqualTo("shop-prod");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(2048);
		assertThat(settings.properties().getFunction().getRuntime()).isEqualTo(FunctionSettings.Runtime.JAVA25);
		assertThat(settings.properties().getFunction().getArchitecture()).isEqualTo(FunctionSettings.Architecture.ARM64);
		assertThat(settings.properties().getFunction().getEnvironment()).containsEntry("GREETING", "hello");
		assertThat(settings.properties().getFunction().getTimeout()).isEqualTo(30);
		assertThat(settings.properties().getHttp().getType()).isEqualTo(HttpSettings.Type.FUNCTION_URL);
		assertThat(settings.properties().getStage()).isEqualTo("prod");
	}

	@Test
	void readsPropertiesFilesAndOnProfileDocuments() throws IOException {
		write("application.properties", "spring.application.name=shop\nserverless.function.timeout=60\n");
		write("application.yml", """
				serverless:
				  logs:
				    retention-days: 14
				---
				spring:
				  config:
				    activate:
				      on-profile: qa
				serverless:
				  function:
				    name: shop-quality
				""");
		StageSettings settings = this.loader.load(this.project, "qa");
		assertThat(settings.functionName()).isEqualTo("shop-quality");
		assertThat(settings.properties().getFunction().getTimeout()).isEqualTo(60);
		assertThat(settings.properties().getLogs().getRetentionDays()).isEqualTo(14);
	}

	@Test
	void unknownStageNamesTheStagesThatExist() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless.function.memory: 512\n");
		write("application-prod.yml", "serverless.function.memory: 512\n");
		assertThatThrownBy(() -> this.loader.load(this.project, "staging")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("Unknown stage 'staging'")
			.hasMessageContaining("application-staging.yml")
			.hasMessageContaining("dev, prod");
	}

	@Test
	void misspeltKeyNamesFileLineAndSuggestion() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    memroy: 512
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3")
			.hasMessageContaining("unknown setting serverless.function.memroy")
			.hasMessageContaining("did you mean serverless.function.memory");
	}

	@Test
	void snapStartSetOnWithLargeTmpIsAnErrorNamingBothSettings() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    snap-start: true
				    ephemeral-storage: 1024
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3")
			.hasMessageContaining("serverless.function.snap-start = true is not possible with "
					+ "serverless.function.ephemeral-storage = 1024");
	}

	@Test
	void snapStartLeftUnsetIsOnAndOffBesideProvisionedConcurrency() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless.function.memory: 1024\n");
		write("application-prod.yml", "serverless.function.provisioned-concurrency: 2\n");
		write("application-test.yml", "serverless.function.snap-start: false\n");

		StageSettings dev = this.loader.load(this.project, "dev");
		StageSettings prod = this.loader.load(this.project, "prod");
		StageSettings test = this.loader.load(this.project, "test");

		assertThat(FunctionStartup.snapStart(dev.properties().getFunction())).isTrue();
		assertThat(FunctionStartup.snapStartNote(dev.properties().getFunction())).isNull();
		assertThat(FunctionStartup.snapStart(prod.properties().getFunction())).isFalse();
		assertThat(FunctionStartup.snapStartNote(prod.properties().getFunction()))
			.isEqualTo("SnapStart is off: serverless.function.provisioned-concurrency = 2 (Lambda does not combine "
					+ "SnapStart with provisioned concurrency) (serverless.function.snap-start: false silences this note)");
		assertThat(FunctionStartup.snapStart(test.properties().getFunction())).isFalse();
		assertThat(FunctionStartup.snapStartNote(test.properties().getFunction())).isNull();
		// no JAVA_TOOL_OPTIONS by default: Lambda's runtimes apply the flags it recommends themselves
		assertThat(FunctionStartup.javaToolOptions(dev.properties().getFunction())).isNull();
	}

	@Test
	void wrongTypeListsWhatIsAllowed() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    runtime: java8
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3")
			.hasMessageContaining("serverless.function.runtime = 'java8'")
			.hasMessageContaining("one of java17, java21, java25");
	}

	@Test
	void outOfRangeValuesAreErrors() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    memory: 64
				  logs:
				    retention-days: 10
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("serverless.function.memory = 64 is not valid: expected 128 to 10240")
			.hasMessageContaining("serverless.logs.retention-days = 10");
	}

	@Test
	void stageStartsFromTheStageItExtends() throws IOException {
		write("application.yml", """
				spring:
				  application:
				    name: shop
				serverless:
				  function:
				    memory: 512
				""");
		write("application-dev.yml", """
				serverless:
				  function:
				    timeout: 60
				    layers: [arn:layer:a, arn:layer:b]
				    environment:
				      GREETING: hello
				""");
		write("application-prod.yml", """
				serverless:
				  stage:
				    extends: dev
				  function:
				    memory: 2048
				    layers: [arn:layer:c]
				    environment:
				      MODE: live
				""");
		StageSettings settings = this.loader.load(this.project, "prod");
		assertThat(settings.profiles()).containsExactly("dev", "prod");
		assertThat(settings.sources()).extracting(path -> path.getFileName().toString())
			.containsExactly("application.yml", "application-dev.yml", "application-prod.yml");
		assertThat(settings.functionName()).isEqualTo("shop-prod");
		assertThat(settings.properties().getStage()).isEqualTo("prod");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(2048);
		assertThat(settings.properties().getFunction().getTimeout()).isEqualTo(60);
		// Maps merge key by key; a list is replaced whole by the stage that sets it, as in Spring Boot.
		assertThat(settings.properties().getFunction().getEnvironment()).containsEntry("GREETING", "hello")
			.containsEntry("MODE", "live");
		assertThat(settings.properties().getFunction().getLayers()).containsExactly("arn:layer:c");
		assertThat(this.loader.load(this.project, "dev").profiles()).containsExactly("dev");
	}

	@Test
	void extendedStagesChainEachOverridingTheOneItExtends() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless.function.memory: 512\nserverless.function.timeout: 10\n");
		write("application-staging.yml", "serverless.stage.extends: dev\nserverless.function.memory: 1024\n");
		write("application-prod.properties", "serverless.stage.extends=staging\nserverless.function.timeout=20\n");
		StageSettings settings = this.loader.load(this.project, "prod");
		assertThat(settings.profiles()).containsExactly("dev", "staging", "prod");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(1024);
		assertThat(settings.properties().getFunction().getTimeout()).isEqualTo(20);
		assertThat(settings.sources()).extracting(path -> path.getFileName().toString())
			.containsExactly("application.yml", "application-dev.yml", "application-staging.yml",
					"application-prod.properties");
	}

	@Test
	void aStageOfAnOnProfileDocumentMayExtendToo() throws IOException {
		write("application.yml", """
				spring.application.name: shop
				---
				spring.config.activate.on-profile: qa
				serverless:
				  stage.extends: dev
				  function.timeout: 45
				""");
		write("application-dev.yml", "serverless.function.memory: 640\n");
		StageSettings settings = this.loader.load(this.project, "qa");
		assertThat(settings.profiles()).containsExactly("dev", "qa");
		assertThat(settings.properties().getFunction().getMemory()).isEqualTo(640);
		assertThat(settings.properties().getFunction().getTimeout()).isEqualTo(45);
	}

	@Test
	void loopOfExtendsNamesTheFilesInTheLoop() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-prod.yml", "serverless.stage.extends: staging\n");
		write("application-staging.yml", "serverless:\n  stage:\n    extends: prod\n");
		assertThatThrownBy(() -> this.loader.load(this.project, "prod")).isInstanceOf(SettingsException.class)
			.hasMessageStartingWith("Stage 'prod' extends itself through "
					+ "application-prod.yml -> application-staging.yml -> application-prod.yml");
		write("application-dev.yml", "serverless.stage.extends: dev\n");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageStartingWith("Stage 'dev' extends itself through application-dev.yml -> application-dev.yml");
	}

	@Test
	void extendingAStageWithNoFileNamesPropertyFileLineAndTheStagesThatExist() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless.function.memory: 512\n");
		write("application-prod.yml", """
				serverless:
				  function:
				    memory: 2048
				  stage:
				    extends: dve
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "prod")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-prod.yml line 5: serverless.stage.extends = 'dve' names no stage")
			.hasMessageContaining("application-dve.yml")
			.hasMessageContaining("Stages of this project: dev, prod.");
	}

	@Test
	void extendsInTheFileOfEveryStageIsAnError() throws IOException {
		write("application.yml", "spring.application.name: shop\nserverless.stage.extends: dev\n");
		write("application-dev.yml", "serverless.function.memory: 512\n");
		assertThatThrownBy(() -> this.loader.load(this.project, "dev")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application.yml line 2: serverless.stage.extends belongs in a stage's own file");
	}

	@Test
	void mistakesInAnExtendedStagesFileNameThatFileAndLine() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-prod.yml", "serverless.stage.extends: dev\n");
		write("application-dev.yml", """
				serverless:
				  function:
				    memroy: 512
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "prod")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3: unknown setting serverless.function.memroy");
		write("application-dev.yml", """
				serverless:
				  function:
				    runtime: java8
				""");
		assertThatThrownBy(() -> this.loader.load(this.project, "prod")).isInstanceOf(SettingsException.class)
			.hasMessageContaining("application-dev.yml line 3: serverless.function.runtime = 'java8' is not valid")
			.hasMessageContaining("one of java17, java21, java25");
	}

	@Test
	void resolvedValuesSayWhereTheyCameFrom() throws IOException {
		write("application.yml", """
				spring.application.name: shop
				serverless:
				  function:
				    memory: 512
				""");
		write("application-dev.yml", """
				serverless:
				  function:
				    timeout: 60
				    environment:
				      GREETING: hello
				    layers:
				      - arn:layer:a
				      - arn:layer:b
				""");
		write("application-prod.yml", """
				serverless:
				  stage:
				    extends: dev
				  function:
				    memory: 2048
				""");
		ResolvedSettings resolved = this.loader.resolve(this.project, "prod");
		assertThat(resolved.settings().profiles()).containsExactly("dev", "prod");
		assertThat(resolved.values()).contains(
				new SettingValue("serverless.function.memory", "2048", "application-prod.yml line 5"),
				new SettingValue("serverless.function.timeout", "60", "application-dev.yml line 3 (extended stage dev)"),
				new SettingValue("serverless.function.environment.GREETING", "hello",
						"application-dev.yml line 5 (extended stage dev)"),
				new SettingValue("serverless.function.runtime", "java25", "default"),
				new SettingValue("serverless.function.architecture", "x86_64", "default"),
				new SettingValue("serverless.function.tracing", "pass-through", "default"),
				new SettingValue("serverless.function.layers", "arn:layer:a, arn:layer:b",
						"application-dev.yml line 7 (extended stage dev)"),
				new SettingValue("serverless.http.auth.lambda.result-ttl", "5m", "default"),
				// A flag is no secret, whatever its name says.
				new SettingValue("serverless.http.cors.allow-credentials", "false", "default"),
				new SettingValue("serverless.http.cors.allowed-methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS",
						"default"),
				new SettingValue("serverless.stage", "prod", "stage name"),
				new SettingValue("serverless.stage.extends", "dev", "application-prod.yml line 3"));
		assertThat(resolved.values()).extracting(SettingValue::name).doesNotHaveDuplicates()
			.doesNotContain("serverless.function.name");
	}

	@Test
	void resolvedSecretsAreMasked() throws IOException {
		write("application.yml", """
				spring.application.name: shop
				db.secret-url: jdbc:postgresql://u:hunter2@db/shop
				""");
		write("application-dev.yml", """
				serverless:
				  function:
				    environment:
				      DB_PASSWORD: s3cr3t-value
				      DB_URL: ${db.secret-url}
				      STRIPE_KEY: sk_live_123
				      GREETING: hello
				    kms-key-arn: arn:aws:kms:eu-west-1:123456789012:key/abc
				""");
		ResolvedSettings resolved = this.loader.resolve(this.project, "dev");
		assertThat(resolved.values()).contains(
				new SettingValue("serverless.function.environment.DB_PASSWORD", "****", "application-dev.yml line 4"),
				new SettingValue("serverless.function.environment.DB_URL", "****", "application-dev.yml line 5"),
				new SettingValue("serverless.function.environment.STRIPE_KEY", "****", "application-dev.yml line 6"),
				new SettingValue("serverless.function.environment.GREETING", "hello", "application-dev.yml line 7"),
				new SettingValue("serverless.function.kms-key-arn", "****", "application-dev.yml line 8"));
		assertThat(resolved.values().toString()).doesNotContain("s3cr3t-value", "hunter2", "sk_live_123");
		// The settings deploy uses are not masked.
		assertThat(resolved.settings().properties().getFunction().getEnvironment()).containsEntry("DB_PASSWORD",
				"s3cr3t-value");
	}

	@Test
	void propertiesFileWinsOverYamlAsInSpringBoot() throws IOException {
		write("application.yml", "spring.application.name: shop\n");
		write("application-dev.yml", "serverless.function.memory: 512\n");
		write("application-dev.properties", "serverless.function.memory=256\n");
		assertThat(this.loader.load(this.project, "dev").properties().getFunction().getMemory()).isEqualTo(256);
	}

	/**
	 * The function binds the same files with Spring Boot's own loading and the chain's profiles
	 * active ({@code SPRING_PROFILES_ACTIVE=dev,prod}): it must see what the console sees, and
	 * {@code serverless.stage.extends} beside {@code serverless.stage} must not break binding.
	 */
	@Test
	void theFunctionRunningWithTheChainsProfilesBindsTheSameSettings() throws IOException {
		write("application.yml", """
				spring.application.name: shop
				serverless:
				  function:
				    memory: 512
				    environment:
				      BASE: base
				---
				spring.config.activate.on-profile: dev
				serverless.function.environment.FROM_DOC: dev-doc
				serverless.function.description: dev-doc
				---
				serverless.function.description: later-document
				""");
		write("application-dev.yml", """
				serverless:
				  function:
				    timeout: 60
				    memory: 768
				    layers: [arn:layer:a, arn:layer:b]
				""");
		write("application-dev.properties", "serverless.function.memory=1536\n");
		write("application-prod.properties", """
				serverless.stage=prod
				serverless.stage.extends=dev
				serverless.function.layers=arn:layer:c
				serverless.function.snap-start=true
				""");
		StageSettings console = this.loader.load(this.project, "prod");

		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("function", Map.of(
				"spring.config.location", "file:" + this.project.resolve("src/main/resources") + "/",
				"spring.profiles.active", String.join(",", console.profiles()))));
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
				List.of());
		ServerlessProperties function = Binder.get(environment).bind("serverless", ServerlessProperties.class).get();

		assertThat(function.getStage()).isEqualTo("prod");
		assertThat(function.getFunction().getMemory()).isEqualTo(console.properties().getFunction().getMemory())
			.isEqualTo(1536);
		assertThat(function.getFunction().getTimeout()).isEqualTo(console.properties().getFunction().getTimeout())
			.isEqualTo(60);
		assertThat(function.getFunction().getLayers()).isEqualTo(console.properties().getFunction().getLayers())
			.containsExactly("arn:layer:c");
		assertThat(function.getFunction().getSnapStart()).isEqualTo(console.properties().getFunction().getSnapStart())
			.isTrue();
		// In application.yml the later document wins, whether or not the earlier one is a profile's.
		assertThat(function.getFunction().getDescription())
			.isEqualTo(console.properties().getFunction().getDescription())
			.isEqualTo("later-document");
		assertThat(function.getFunction().getEnvironment())
			.isEqualTo(console.properties().getFunction().getEnvironment())
			.containsEntry("BASE", "base")
			.containsEntry("FROM_DOC", "dev-doc");
	}

	private void write(String name, String content) throws IOException {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(name), content);
	}

}
