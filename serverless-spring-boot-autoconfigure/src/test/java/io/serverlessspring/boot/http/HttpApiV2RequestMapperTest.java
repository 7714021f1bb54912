package io.serverlessspring.boot.http;

import java.util.List;

import com.amazonaws.serverless.proxy.model.HttpApiV2ProxyRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP API v2 route sets upstream's model from the event tree itself: what it makes must be
 * what Jackson's binding made before, for every event AWS sends and the odd ones it may.
 */
class HttpApiV2RequestMapperTest {

	static List<ObjectNode> events() {
		ObjectNode numbers = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) numbers.path("headers")).put("content-length", 42).put("x-flag", true);
		((ObjectNode) numbers.path("requestContext")).put("timeEpoch", "1773101039000");
		ObjectNode lambdaAuthorizer = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) lambdaAuthorizer.path("requestContext")).putObject("authorizer")
			.putObject("lambda")
			.put("tenant", "acme")
			.put("level", 3);
		ObjectNode iamAuthorizer = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) iamAuthorizer.path("requestContext")).putObject("authorizer")
			.putObject("iam")
			.put("accessKey", "AKIAEXAMPLE")
			.put("accountId", "123456789012")
			.put("userArn", "arn:aws:iam::123456789012:user/ada");
		ObjectNode sparse = EventFixtures.JSON.createObjectNode();
		sparse.put("version", "2.0").put("rawPath", "/").putObject("requestContext").putObject("http").put("method", "GET");
		ObjectNode nulls = EventFixtures.load("function-url/get-pet.json");
		nulls.putNull("body").putNull("headers").putNull("cookies").put("unknownField", "ignored");
		((ObjectNode) nulls.path("requestContext")).putNull("authorizer");
		return List.of(EventFixtures.load("http-api-v2/get-pet.json"), EventFixtures.load("http-api-v2/post-form.json"),
				EventFixtures.load("function-url/get-pet.json"), numbers, lambdaAuthorizer, iamAuthorizer, sparse, nulls);
	}

	@ParameterizedTest
	@MethodSource("events")
	void makesWhatJacksonsBindingMade(ObjectNode event) {
		HttpApiV2ProxyRequest bound = HttpEventRoute.JSON.treeToValue(event, HttpApiV2ProxyRequest.class);

		HttpApiV2ProxyRequest mapped = HttpApiV2RequestMapper.map(event);

		assertThat(asTree(mapped)).isEqualTo(asTree(bound));
		assertThat(mapped.getHeaders()).isEqualTo(bound.getHeaders());
		assertThat(mapped.getRequestContext().getTimeEpoch()).isEqualTo(bound.getRequestContext().getTimeEpoch());
	}

	@Test
	void theFixturesCarryWhatTheComparisonMustCover() {
		HttpApiV2ProxyRequest request = HttpApiV2RequestMapper.map(EventFixtures.load("http-api-v2/get-pet.json"));

		// A comparison of two empty models would pass whatever the mapper did.
		assertThat(request.getRawPath()).isEqualTo("/prod/pets/café noir");
		assertThat(request.getCookies()).containsExactly("session=abc123", "theme=dark");
		assertThat(request.getHeaders()).containsEntry("x-trace", "first,second");
		assertThat(request.getRequestContext().getHttp().getSourceIp()).isEqualTo("203.0.113.9");
		assertThat(request.getRequestContext().getTimeEpoch()).isEqualTo(1773101039000L);
		assertThat(request.getRequestContext().getAuthorizer().getJwtAuthorizer().getClaims())
			.containsEntry("email", "ada@example.com");
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		ObjectNode requestId = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) requestId.path("requestContext")).putArray("requestId").add("x");
		ObjectNode epoch = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) epoch.path("requestContext")).put("timeEpoch", "yesterday");
		ObjectNode nullEpoch = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) nullEpoch.path("requestContext")).putNull("timeEpoch");
		ObjectNode userAgent = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) userAgent.path("requestContext").path("http")).putObject("userAgent");

		assertThat(problem(requestId)).isEqualTo("'requestContext.requestId' has the wrong type (an array)");
		assertThat(problem(epoch)).isEqualTo("'requestContext.timeEpoch' has the wrong type (a string)");
		ObjectNode header = EventFixtures.load("http-api-v2/get-pet.json");
		((ObjectNode) header.path("headers")).putArray("accept").add("*/*");
		ObjectNode cookie = EventFixtures.load("http-api-v2/get-pet.json");
		cookie.putArray("cookies").add("a=b").addObject();

		assertThat(problem(header)).isEqualTo("'headers.accept' has the wrong type (an array)");
		assertThat(problem(cookie)).isEqualTo("'cookies[1]' has the wrong type (an object)");
		assertThat(problem(nullEpoch)).isEqualTo("'requestContext.timeEpoch' has the wrong type (null)");
		assertThat(problem(userAgent)).isEqualTo("'requestContext.http.userAgent' has the wrong type (an object)");
	}

	private static String problem(JsonNode event) {
		return assertThatExceptionOfType(HttpEventShape.WrongTypeException.class)
			.isThrownBy(() -> HttpApiV2RequestMapper.map(event))
			.actual()
			.getMessage();
	}

	private static JsonNode asTree(HttpApiV2ProxyRequest request) {
		return HttpEventRoute.JSON.valueToTree(request);
	}

}
