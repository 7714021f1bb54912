package io.serverlessspring.boot.http;

import java.io.IOException;
import java.util.Map;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.http.headersapp.ContextHeadersApplication;
import io.serverlessspring.boot.testsupport.TestLambdaContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code serverless.http.context-headers}: events of every HTTP front, as AWS sends them, through
 * the real handler into an app that reads only request headers (see context-headers-app.properties).
 */
class ContextHeadersTest {

	static ServerlessHandler handler;

	@BeforeAll
	static void startApplicationOnce() {
		handler = new ServerlessHandler(ContextHeadersApplication.class);
	}

	/** What the app saw: its headers, lower-cased name to values joined with "|". */
	static JsonNode seenHeaders(ObjectNode event) throws IOException {
		JsonNode response = EventFixtures.parse(
				handler.invoke(event.toString(), new TestLambdaContext("arn:aws:lambda:us-east-1:123456789012:function:app:live")));
		assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
		return EventFixtures.parse(response.path("body").asString()).path("headers");
	}

	@Test
	void restApiMapsRequestIdSourceIpStageAndCognitoClaims() throws IOException {
		JsonNode headers = seenHeaders(EventFixtures.load("apigw-rest-v1/get-pet.json"));
		assertThat(headers.path("x-request-id").asString()).isEqualTo("rest-77375676-xmpl-4b79-853a-f982580efe18");
		assertThat(headers.path("x-source-ip").asString()).isEqualTo("203.0.113.9");
		assertThat(headers.path("x-stage").asString()).isEqualTo("prod");
		assertThat(headers.path("x-domain").asString()).isEqualTo("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
		assertThat(headers.path("x-user-agent").asString()).isEqualTo("curl/8.5.0");
		assertThat(headers.path("x-invocation-id").asString()).isEqualTo("0c6e7a8a-1111-4222-8333-444455556666");
		assertThat(headers.path("x-user-id").asString()).isEqualTo("7d8ca528-4931-4254-9273-ea5ee853f271");
		assertThat(headers.path("x-cognito-user").asString()).isEqualTo("ada");
		// Not in a REST event: absent, not empty.
		assertThat(headers.has("x-jwt-email")).isFalse();
		assertThat(headers.has("x-tenant")).isFalse();
		// The client's own headers are still there.
		assertThat(headers.path("x-trace").isMissingNode()).isFalse();
	}

	@Test
	void httpApiMapsJwtClaimsScopesAndSourceIp() throws IOException {
		JsonNode headers = seenHeaders(EventFixtures.load("http-api-v2/get-pet.json"));
		assertThat(headers.path("x-request-id").asString()).isEqualTo("JKJaXmPLvHcESHA=");
		assertThat(headers.path("x-source-ip").asString()).isEqualTo("203.0.113.9");
		assertThat(headers.path("x-stage").asString()).isEqualTo("prod");
		assertThat(headers.path("x-jwt-email").asString()).isEqualTo("ada@example.com");
		assertThat(headers.path("x-jwt-scopes").asString()).isEqualTo("pets/read");
		assertThat(headers.path("x-user-agent").asString()).isEqualTo("curl/8.5.0");
		assertThat(headers.has("x-user-id")).isFalse();
	}

	@Test
	void httpApiMapsLambdaAuthorizerContext() throws IOException {
		ObjectNode event = EventFixtures.load("http-api-v2/get-pet.json");
		ObjectNode authorizer = ((ObjectNode) event.path("requestContext")).putObject("authorizer");
		authorizer.putObject("lambda").put("tenant", "acme").put("tier", 3);
		JsonNode headers = seenHeaders(event);
		assertThat(headers.path("x-tenant").asString()).isEqualTo("acme");
		assertThat(headers.has("x-jwt-email")).isFalse();
	}

	@Test
	void functionUrlMapsRequestIdSourceIpAndDomain() throws IOException {
		JsonNode headers = seenHeaders(EventFixtures.load("function-url/get-pet.json"));
		assertThat(headers.path("x-request-id").asString()).isEqualTo("fu-2f8fd2b3-b2a4-4d6a-9f3a-5e4a1f2c3b4d");
		assertThat(headers.path("x-source-ip").asString()).isEqualTo("203.0.113.9");
		assertThat(headers.path("x-domain").asString())
			.isEqualTo("a4xmplz7ftiocqxl3yhqaxdz2m0zfsaa.lambda-url.us-east-1.on.aws");
		assertThat(headers.path("x-stage").asString()).isEqualTo("$default");
	}

	@Test
	void albMapsWhatItHasAndDropsTheRest() throws IOException {
		ObjectNode event = EventFixtures.load("alb/get-pet-single-value.json");
		JsonNode headers = seenHeaders(event);
		// The client address ALB forwards (last X-Forwarded-For hop) and the invocation id.
		String forwarded = event.path("headers").path("x-forwarded-for").asString();
		assertThat(headers.path("x-source-ip").asString()).isEqualTo(forwarded.substring(forwarded.lastIndexOf(',') + 1).trim());
		assertThat(headers.path("x-invocation-id").asString()).isEqualTo("0c6e7a8a-1111-4222-8333-444455556666");
		assertThat(headers.has("x-request-id")).isFalse();
		assertThat(headers.has("x-user-id")).isFalse();
	}

	@Test
	void aClientCannotSpoofAMappedHeader() throws IOException {
		// Unauthenticated request (no authorizer) that sends X-User-Id itself, in both header maps.
		ObjectNode event = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) event.path("requestContext")).remove("authorizer");
		((ObjectNode) event.path("headers")).put("X-User-Id", "admin").put("x-request-id", "forged");
		((ObjectNode) event.path("multiValueHeaders")).putArray("X-User-Id").add("admin");
		((ObjectNode) event.path("multiValueHeaders")).putArray("x-request-id").add("forged");
		JsonNode response = EventFixtures.parse(handler.invoke(event.toString()));
		JsonNode body = EventFixtures.parse(response.path("body").asString());
		assertThat(body.path("X-User-Id").isNull()).as(body.toString()).isTrue();
		assertThat(body.path("headers").has("x-user-id")).isFalse();
		assertThat(body.path("X-Request-Id").asString()).isEqualTo("rest-77375676-xmpl-4b79-853a-f982580efe18");
		assertThat(body.path("headers").path("x-request-id").asString())
			.isEqualTo("rest-77375676-xmpl-4b79-853a-f982580efe18");

		// The same over HTTP API v2, where headers are one map.
		ObjectNode v2 = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) v2.path("headers")).put("x-jwt-email", "root@example.com");
		assertThat(seenHeaders(v2).path("x-jwt-email").asString()).isEqualTo("ada@example.com");
	}

	@Test
	void everyFriendlyNameIsOfferedInTheSettingsMetadata() throws IOException {
		String metadata;
		try (var in = getClass().getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
			metadata = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		assertThat(metadata).contains("\"" + ContextHeaders.SOURCE_IP + "\"", "\"" + ContextHeaders.LAMBDA_REQUEST_ID + "\"");
		ContextHeaders.FRIENDLY_NAMES.keySet().forEach((name) -> assertThat(metadata).contains("\"" + name + "\""));
	}

	@Test
	void aBadMappingIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ContextHeaders(Map.of("X-User", "authorizer..sub")))
			.withMessageContaining("serverless.http.context-headers.X-User")
			.withMessageContaining("authorizer..sub")
			.withMessageContaining("request-id");
		assertThatIllegalArgumentException().isThrownBy(() -> new ContextHeaders(Map.of("X User", "stage")))
			.withMessageContaining("serverless.http.context-headers")
			.withMessageContaining("'X User' is not a valid HTTP header name");
	}

}
