package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.boot.settings.FunctionSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	private void write(String name, String content) throws IOException {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve(name), content);
	}

}
