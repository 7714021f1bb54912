package io.serverlessspring.boot.http;

import java.io.IOException;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.http.testapp.HttpTestApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP events no front end would send (hand-written test events, a proxy that rewrote them): a 400
 * in the format's own response shape whose message names the field, and one log line saying so.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedHttpEventTest {

	static ServerlessHandler handler;

	@BeforeAll
	static void startApplicationOnce() {
		handler = new ServerlessHandler(HttpTestApplication.class);
	}

	@Test
	void aBodyThatIsNotBase64ButSaysSoIsNamed(CapturedOutput output) throws IOException {
		ObjectNode event = EventFixtures.load("http-api-v2/post-form.json");
		event.put("isBase64Encoded", true).put("body", "%%% not base64 %%%");

		JsonNode response = invoke(event);

		assertThat(response.path("statusCode").asInt()).isEqualTo(400);
		assertThat(message(response))
			.isEqualTo("Malformed http-api-v2 event: 'body' is not valid base64, but 'isBase64Encoded' is true");
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains("'body' is not valid base64")))
			.hasSize(1);
	}

	@Test
	void aRestEventWithoutAMethodIsNamedNotAServerError(CapturedOutput output) throws IOException {
		ObjectNode event = EventFixtures.load("apigw-rest-v1/get-pet.json");
		event.putNull("httpMethod");

		JsonNode response = invoke(event);

		assertThat(response.path("statusCode").asInt()).isEqualTo(400);
		assertThat(response.has("multiValueHeaders")).as("REST response shape").isTrue();
		assertThat(message(response)).isEqualTo("Malformed apigw-rest-v1 event: 'httpMethod' is null");
		assertThat(output.getOut()).contains("WARN").contains("Malformed apigw-rest-v1 event: 'httpMethod' is null");
	}

	@Test
	void headersSentAsAnArrayAreNamedWithoutALibraryMessage() throws IOException {
		ObjectNode rest = EventFixtures.load("apigw-rest-v1/get-pet.json");
		rest.putArray("headers").add("Accept: */*");
		ObjectNode httpApi = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) httpApi.path("headers")).putArray("accept").add("*/*");

		assertThat(message(invoke(rest)))
			.isEqualTo("Malformed apigw-rest-v1 event: 'headers' must be an object of strings, not an array");
		assertThat(message(invoke(httpApi)))
			.isEqualTo("Malformed http-api-v2 event: 'headers.accept' must be a string, not an array");
	}

	@Test
	void aFieldOutsideTheCheckedOnesIsNamedFromTheBindingFailure() throws IOException {
		ObjectNode event = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) event.path("requestContext")).putArray("requestId").add("x");

		JsonNode response = invoke(event);

		assertThat(response.path("statusCode").asInt()).isEqualTo(400);
		assertThat(message(response))
			.isEqualTo("Malformed http-api-v2 event: 'requestContext.requestId' has the wrong type (an array)");
	}

	@Test
	void anAlbEventIsAnsweredInTheAlbShape() throws IOException {
		ObjectNode event = EventFixtures.load("alb/get-pet-single-value.json");
		event.put("path", 42);

		JsonNode response = invoke(event);

		assertThat(response.path("statusCode").asInt()).isEqualTo(400);
		assertThat(response.path("statusDescription").asString()).isEqualTo("400 Bad Request");
		assertThat(message(response)).isEqualTo("Malformed alb event: 'path' must be a string, not a number");
	}

	private static JsonNode invoke(ObjectNode event) throws IOException {
		return EventFixtures.parse(handler.invoke(event.toString()));
	}

	private static String message(JsonNode response) {
		return EventFixtures.parse(response.path("body").asString()).path("message").asString();
	}

}
