package io.serverlessspring.boot.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.http.testapp.HttpTestApplication;
import io.serverlessspring.boot.routing.UnroutableEventException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every HTTP event format, fed as AWS sends it through the real handler into a plain MVC app,
 * asserting the JSON the handler returns to the front end.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpRoutesTest {

	static ServerlessHandler handler;

	@BeforeAll
	static void startApplicationOnce() {
		handler = new ServerlessHandler(HttpTestApplication.class);
	}

	static JsonNode invoke(ObjectNode event) throws IOException {
		return EventFixtures.parse(handler.invoke(event.toString()));
	}

	static JsonNode body(JsonNode response) {
		assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
		return EventFixtures.parse(response.path("body").asString());
	}

	static byte[] binaryBody(JsonNode response) {
		assertThat(response.path("isBase64Encoded").asBoolean()).as("isBase64Encoded").isTrue();
		return Base64.getDecoder().decode(response.path("body").asString());
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	static ObjectNode restApi(String method, String path) {
		ObjectNode event = EventFixtures.load("apigw-rest-v1/get-single-value-only.json");
		event.put("httpMethod", method).put("path", path);
		((ObjectNode) event.path("headers")).put("Accept", "*/*");
		return event;
	}

	static ObjectNode httpApi(String method, String rawPath) {
		ObjectNode event = EventFixtures.load("http-api-v2/get-pet.json");
		event.put("rawPath", rawPath).put("rawQueryString", "").remove("queryStringParameters");
		((ObjectNode) event.path("requestContext").path("http")).put("method", method).put("path", rawPath);
		((ObjectNode) event.path("headers")).put("accept", "*/*");
		return event;
	}

	@Nested
	class RestApiV1 {

		@Test
		void servesPathVariableQueryHeadersClientAddressAndAuthorizerClaims() throws IOException {
			JsonNode response = invoke(EventFixtures.load("apigw-rest-v1/get-pet.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("application/json");
			assertThat(strings(response.path("multiValueHeaders").path("Content-Type"))).hasSize(1);
			JsonNode seen = body(response);
			assertThat(seen.path("name").asString()).isEqualTo("café noir");
			assertThat(strings(seen.path("query").path("tag"))).containsExactly("small", "brown");
			assertThat(strings(seen.path("query").path("q"))).containsExactly("black & white");
			assertThat(strings(seen.path("trace"))).containsExactly("first", "second");
			assertThat(seen.path("userAgent").asString()).isEqualTo("curl/8.5.0");
			assertThat(seen.path("remoteAddr").asString()).isEqualTo("203.0.113.9");
			assertThat(seen.path("requestId").asString()).isEqualTo("rest-77375676-xmpl-4b79-853a-f982580efe18");
			assertThat(seen.path("claims").path("email").asString()).isEqualTo("ada@example.com");
			assertThat(seen.path("awsRequestId").asString()).isNotBlank();
			assertThat(seen.path("format").asString()).isEqualTo("apigw-rest-v1");
		}

		@Test
		void servesEventsWithoutMultiValueMapsAndIgnoresTheStageInRequestContextPath() throws IOException {
			JsonNode response = invoke(EventFixtures.load("apigw-rest-v1/get-single-value-only.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("body").asString()).isEqualTo("hello");
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("text/plain");
		}

		@Test
		void stripsTheCustomDomainBasePath() throws IOException {
			JsonNode response = invoke(EventFixtures.load("apigw-rest-v1/custom-domain-base-path.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("body").asString()).isEqualTo("hello");
		}

		@Test
		void decodesBase64RequestBodies() throws Exception {
			ObjectNode event = EventFixtures.load("apigw-rest-v1/post-binary.json");
			byte[] sent = Base64.getDecoder().decode(event.path("body").asString());

			JsonNode seen = body(invoke(event));

			assertThat(seen.path("bytes").asInt()).isEqualTo(sent.length);
			assertThat(seen.path("sha256").asString())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)));
		}

		@Test
		void returnsEverySetCookieAndRepeatedHeaderInMultiValueHeaders() throws IOException {
			JsonNode response = invoke(restApi("GET", "/session"));

			assertThat(strings(response.path("multiValueHeaders").path("Set-Cookie")))
				.containsExactly("session=s3cr3t; Path=/; HttpOnly", "theme=dark; Path=/");
			assertThat(strings(response.path("multiValueHeaders").path("X-Multi"))).containsExactly("one", "two");
		}

		@Test
		void answersStatusCodesLikeTheAppDoes() throws IOException {
			assertThat(invoke(restApi("DELETE", "/pets/rex")).path("statusCode").asInt()).isEqualTo(204);
			JsonNode redirect = invoke(restApi("GET", "/old-pets"));
			assertThat(redirect.path("statusCode").asInt()).isEqualTo(302);
			assertThat(redirect.path("headers").path("Location").asString()).endsWith("/pets");
		}

		@Test
		void answersUnknownPathsAndMethodsWithBootsErrorResponses() throws IOException {
			JsonNode notFound = invoke(restApi("GET", "/no-such-thing"));
			assertThat(notFound.path("statusCode").asInt()).isEqualTo(404);
			assertThat(body(notFound).path("status").asInt()).isEqualTo(404);

			JsonNode notAllowed = invoke(restApi("POST", "/hello"));
			assertThat(notAllowed.path("statusCode").asInt()).isEqualTo(405);
			assertThat(body(notAllowed).path("status").asInt()).isEqualTo(405);
		}

		@Test
		void turnsAControllerExceptionIntoBootsErrorResponseNotAFailedInvocation() throws IOException {
			JsonNode response = invoke(restApi("GET", "/boom"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(500);
			JsonNode error = body(response);
			assertThat(error.path("status").asInt()).isEqualTo(500);
			assertThat(error.path("error").asString()).isEqualTo("Internal Server Error");
			assertThat(error.path("path").asString()).isEqualTo("/boom");
		}

		@Test
		void logsOneAccessLineInTheDocumentedFormat(CapturedOutput output) throws IOException {
			invoke(EventFixtures.load("apigw-rest-v1/get-pet.json"));

			assertThat(output.getOut()).containsPattern(
					"\\[access\\] 203\\.0\\.113\\.9 \"GET /pets/caf%C3%A9%20noir\\?tag=small&tag=brown&q=black\\+%26\\+white HTTP/1\\.1\" 200 \\d+ \\d+ms");
		}

	}

	@Nested
	class HttpApiV2 {

		@Test
		void servesDecodedPathUnderANamedStageRawQueryStringCookiesAndJwtClaims() throws IOException {
			JsonNode response = invoke(EventFixtures.load("http-api-v2/get-pet.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("application/json");
			assertThat(response.has("multiValueHeaders")).isFalse();
			JsonNode seen = body(response);
			assertThat(seen.path("name").asString()).isEqualTo("café noir");
			assertThat(strings(seen.path("query").path("tag"))).containsExactly("small", "brown");
			assertThat(strings(seen.path("query").path("q"))).containsExactly("black & white");
			assertThat(seen.path("cookies").path("session").asString()).isEqualTo("abc123");
			assertThat(seen.path("cookies").path("theme").asString()).isEqualTo("dark");
			assertThat(seen.path("remoteAddr").asString()).isEqualTo("203.0.113.9");
			assertThat(seen.path("claims").path("scope").asString()).isEqualTo("pets/read");
			assertThat(seen.path("format").asString()).isEqualTo("http-api-v2");
		}

		@Test
		void returnsEverySetCookieInTheCookiesArrayAndOtherHeadersSingleValued() throws IOException {
			JsonNode response = invoke(httpApi("GET", "/session"));

			assertThat(strings(response.path("cookies")))
				.containsExactly("session=s3cr3t; Path=/; HttpOnly", "theme=dark; Path=/");
			assertThat(response.path("headers").has("Set-Cookie")).isFalse();
			assertThat(response.path("headers").path("X-Multi").asString()).isEqualTo("one, two");
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("text/plain");
		}

		@Test
		void acceptsABase64FormPostAndAnswersCreatedWithLocation() throws IOException {
			JsonNode response = invoke(EventFixtures.load("http-api-v2/post-form.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(201);
			assertThat(response.path("headers").path("Location").asString()).endsWith("/pets/Caf%C3%A9");
			JsonNode pet = body(response);
			assertThat(pet.path("name").asString()).isEqualTo("Café");
			assertThat(pet.path("owner").asString()).isEqualTo("Ada Lovelace");
		}

		@Test
		void encodesBinaryResponsesAndLeavesTextAlone() throws IOException {
			JsonNode image = invoke(httpApi("GET", "/image.png"));
			assertThat(image.path("headers").path("Content-Type").asString()).isEqualTo("image/png");
			assertThat(binaryBody(image)).isEqualTo(testPng());

			JsonNode pdf = invoke(httpApi("GET", "/doc.pdf"));
			assertThat(new String(binaryBody(pdf), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");

			JsonNode gzip = invoke(httpApi("GET", "/compressed"));
			try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(binaryBody(gzip)))) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("compressed text");
			}

			JsonNode text = invoke(httpApi("GET", "/hello"));
			assertThat(text.path("isBase64Encoded").asBoolean()).isFalse();
			assertThat(text.path("body").asString()).isEqualTo("hello");
		}

		@Test
		void answersAResponseOverLambdasSixMegabyteLimitWithAClear413() throws IOException {
			JsonNode response = invoke(httpApi("GET", "/huge"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(413);
			assertThat(body(response).path("message").asString()).contains("6 MB");
		}

		@Test
		void turnsAControllerExceptionIntoBootsErrorResponse() throws IOException {
			JsonNode response = invoke(httpApi("GET", "/boom"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(500);
			assertThat(body(response).path("path").asString()).isEqualTo("/boom");
		}

	}

	@Nested
	class Alb {

		@Test
		void singleValueModeKeepsHeadersQueryAndTheClientAddress() throws IOException {
			JsonNode response = invoke(EventFixtures.load("alb/get-pet-single-value.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("statusDescription").asString()).isEqualTo("200 OK");
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("application/json");
			assertThat(response.has("multiValueHeaders")).isFalse();
			JsonNode seen = body(response);
			assertThat(seen.path("name").asString()).isEqualTo("café noir");
			assertThat(strings(seen.path("query").path("tag"))).containsExactly("brown");
			assertThat(strings(seen.path("query").path("q"))).containsExactly("black & white");
			assertThat(seen.path("userAgent").asString()).isEqualTo("curl/8.5.0");
			assertThat(seen.path("cookies").path("theme").asString()).isEqualTo("dark");
			assertThat(seen.path("remoteAddr").asString()).isEqualTo("203.0.113.9");
			assertThat(seen.path("format").asString()).isEqualTo("alb");
		}

		@Test
		void multiValueModeKeepsRepeatedValuesBothWays() throws IOException {
			JsonNode response = invoke(EventFixtures.load("alb/get-pet-multi-value.json"));

			assertThat(response.path("statusDescription").asString()).isEqualTo("200 OK");
			assertThat(response.has("headers")).isFalse();
			assertThat(strings(response.path("multiValueHeaders").path("Content-Type"))).hasSize(1);
			JsonNode seen = body(response);
			assertThat(strings(seen.path("query").path("tag"))).containsExactly("small", "brown");
			assertThat(strings(seen.path("trace"))).containsExactly("first", "second");
			assertThat(seen.path("remoteAddr").asString()).isEqualTo("203.0.113.9");

			ObjectNode session = EventFixtures.load("alb/get-pet-multi-value.json");
			session.put("path", "/session").remove("multiValueQueryStringParameters");
			JsonNode cookies = invoke(session);
			assertThat(strings(cookies.path("multiValueHeaders").path("Set-Cookie"))).hasSize(2);
		}

		@Test
		void describesErrorStatuses() throws IOException {
			ObjectNode event = EventFixtures.load("alb/get-pet-single-value.json");
			event.put("path", "/no-such-thing");

			JsonNode response = invoke(event);

			assertThat(response.path("statusCode").asInt()).isEqualTo(404);
			assertThat(response.path("statusDescription").asString()).isEqualTo("404 Not Found");
		}

	}

	@Nested
	class FunctionUrl {

		@Test
		void servesEncodedPathQueryCookiesAndClientAddress() throws IOException {
			JsonNode response = invoke(EventFixtures.load("function-url/get-pet.json"));

			assertThat(response.path("statusCode").asInt()).isEqualTo(200);
			assertThat(response.path("headers").path("Content-Type").asString()).startsWith("application/json");
			JsonNode seen = body(response);
			assertThat(seen.path("name").asString()).isEqualTo("café noir");
			assertThat(strings(seen.path("query").path("tag"))).containsExactly("small", "brown");
			assertThat(seen.path("cookies").path("session").asString()).isEqualTo("abc123");
			assertThat(seen.path("remoteAddr").asString()).isEqualTo("203.0.113.9");
			assertThat(seen.path("format").asString()).isEqualTo("function-url");
		}

	}

	@Test
	void anEventNoRouteAcceptsFailsWithWhatItSaw() {
		ObjectNode event = EventFixtures.load("unknown/custom-object.json");

		assertThatExceptionOfType(UnroutableEventException.class).isThrownBy(() -> invoke(event))
			.withMessageContaining("[orderId, items]")
			.withMessageContaining("apigw-rest-v1")
			.withMessageContaining("http-api-v2");
	}

	static byte[] testPng() {
		byte[] png = new byte[64];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		System.arraycopy(signature, 0, png, 0, signature.length);
		for (int i = signature.length; i < png.length; i++) {
			png[i] = (byte) (0x80 + i);
		}
		return png;
	}

}
