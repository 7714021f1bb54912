package io.serverlessspring.boot.manifest;

import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.testsupport.DeployedAppTest;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The running function against its packaged manifest, and the serverless actuator endpoint. */
@DeployedAppTest
class ManifestDriftCheckTest {

	@Autowired
	ConfigurableListableBeanFactory beanFactory;

	@Autowired
	Environment environment;

	@Autowired
	ServerlessProperties properties;

	@Autowired
	LambdaRuntime runtime;

	@Autowired
	ManifestDriftCheck driftCheck;

	@Autowired
	EventRouter router;

	@Test
	void aManifestMatchingTheRunningAppShowsNoDrift() {
		String packaged = ManifestJson.write(this.driftCheck.running());

		assertThat(check(packaged)).isEmpty();
	}

	@Test
	void changedMissingAndExtraDeclarationsAreEachReported() {
		String packaged = ManifestJson.write(this.driftCheck.running())
			.replace("\"cron(30 2 ? * MON-FRI *)\"", "\"cron(0 2 ? * MON-FRI *)\"")
			.replace("\"id\" : \"petEvents#onNews\"", "\"id\" : \"petEvents#onGossip\"");

		assertThat(check(packaged)).containsExactly(
				"schedule reportJobs#nightlyReport is cron(30 2 ? * MON-FRI *) Europe/Paris here but"
						+ " cron(0 2 ? * MON-FRI *) Europe/Paris in the manifest",
				"event handler petEvents#onNews (sns:pet-news -> petEvents#onNews(java.lang.String)) is here but not in the manifest",
				"event handler petEvents#onGossip (sns:pet-news -> petEvents#onNews(java.lang.String)) is in the manifest but not here");
	}

	@Test
	void theServerlessEndpointDescribesTheFunctionThroughManage() {
		JsonNode response = JsonMapper.builder().build().readTree(Routing.route(this.router, """
				{"serverless": {"kind": "manage", "command": "serverless"}}"""));

		JsonNode result = response.get("result");
		assertThat(result.get("stage").asString()).isEqualTo("dev");
		assertThat(result.get("deployed").asBoolean()).isTrue();
		assertThat(result.at("/function/name").asString()).isEqualTo("petstore-dev");
		assertThat(result.at("/function/version").asString()).isEqualTo("7");
		assertThat(result.get("schedules")).hasSize(4);
		assertThat(result.at("/schedules/0/expression").asString()).isEqualTo("cron(30 2 ? * MON-FRI *)");
		assertThat(result.get("tasks")).hasSize(6);
		assertThat(result.at("/taskResources/responseTable").asString()).isEqualTo("petstore-dev-tasks");
		assertThat(result.get("eventHandlers")).hasSize(17);
		assertThat(result.get("functions").toString()).contains("\"describePet\"", "\"adoptPet\"");
	}

	private java.util.List<String> check(String packaged) {
		return new ManifestDriftCheck(this.beanFactory, this.environment, this.properties, this.runtime,
				new ByteArrayResource(packaged.getBytes(StandardCharsets.UTF_8))).check();
	}

}
