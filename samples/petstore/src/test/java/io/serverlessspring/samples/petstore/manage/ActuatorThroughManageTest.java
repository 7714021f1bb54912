package io.serverlessspring.samples.petstore.manage;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.samples.petstore.PetstoreApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample's actuator: `manage <stage> health` runs it inside the function; HTTP does not reach it. */
class ActuatorThroughManageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void manageHealthReportsTheAppUp() throws Exception {
		ServerlessHandler handler = new ServerlessHandler(PetstoreApplication.class);

		JsonNode response = JSON.readTree(handler.invoke("{\"serverless\": {\"kind\": \"manage\", \"command\": \"health\"}}"));

		assertThat(response.path("ok").asBoolean()).as(response.toString()).isTrue();
		assertThat(response.toString()).contains("\"status\":\"UP\"");
	}

	@Test
	void actuatorHealthIsNotServedOverHttp() throws Exception {
		ServerlessHandler handler = new ServerlessHandler(PetstoreApplication.class);

		JsonNode response = JSON.readTree(handler.invoke(fixture("events/http-api-v2/get-actuator-health.json")));

		assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(404);
		assertThat(response.path("body").asString()).doesNotContain("UP");
	}

	private static String fixture(String path) throws Exception {
		try (InputStream in = ActuatorThroughManageTest.class.getResourceAsStream("/" + path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
