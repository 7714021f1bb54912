package io.serverlessspring.boot.http;

import java.util.List;

import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
import com.amazonaws.serverless.proxy.model.Headers;
import com.amazonaws.serverless.proxy.model.SingleValueHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The REST API (v1) and ALB routes set upstream's model from the event tree itself: what they make
 * must be what Jackson's binding made before, maps of the same (case-insensitive) types included,
 * for every event AWS sends and the odd ones it may.
 */
class AwsProxyRequestMapperTest {

	static List<ObjectNode> events() {
		ObjectNode numbers = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) numbers.path("headers")).put("content-length", 42).put("x-flag", true);
		((ObjectNode) numbers.path("requestContext")).put("requestTimeEpoch", "1773101039000");
		ObjectNode lambdaAuthorizer = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) lambdaAuthorizer.path("requestContext")).putObject("authorizer")
			.put("principalId", "user-42")
			.put("tenant", "acme")
			.put("integrationLatency", 12);
		ObjectNode nulls = EventFixtures.load("apigw-rest-v1/get-pet.json");
		nulls.putNull("body").putNull("multiValueQueryStringParameters").put("unknownField", "ignored");
		((ObjectNode) nulls.path("requestContext")).putNull("authorizer").putNull("identity");
		((ObjectNode) nulls.path("multiValueHeaders")).putArray("x-empty").addNull();
		ObjectNode sparse = EventFixtures.JSON.createObjectNode();
		sparse.put("httpMethod", "GET").put("path", "/").putObject("requestContext");
		return List.of(EventFixtures.load("apigw-rest-v1/get-pet.json"), EventFixtures.load("apigw-rest-v1/post-binary.json"),
				EventFixtures.load("apigw-rest-v1/get-single-value-only.json"),
				EventFixtures.load("apigw-rest-v1/custom-domain-base-path.json"),
				EventFixtures.load("alb/get-pet-single-value.json"), EventFixtures.load("alb/get-pet-multi-value.json"),
				numbers, lambdaAuthorizer, nulls, sparse);
	}

	@ParameterizedTest
	@MethodSource("events")
	void makesWhatJacksonsBindingMade(ObjectNode event) {
		AwsProxyRequest bound = HttpEventRoute.JSON.treeToValue(event, AwsProxyRequest.class);

		AwsProxyRequest mapped = AwsProxyRequestMapper.map(event);

		assertThat(asTree(mapped)).isEqualTo(asTree(bound));
		assertThat(mapped.getRequestContext().getRequestTimeEpoch())
			.isEqualTo(bound.getRequestContext().getRequestTimeEpoch());
	}

	@Test
	void headerMapsAreCaseInsensitiveAsUpstreamsAre() {
		AwsProxyRequest request = AwsProxyRequestMapper.map(EventFixtures.load("apigw-rest-v1/get-pet.json"));

		assertThat(request.getHeaders()).isInstanceOf(SingleValueHeaders.class);
		assertThat(request.getHeaders().get("ACCEPT")).isEqualTo("application/json");
		assertThat(request.getMultiValueHeaders()).isInstanceOf(Headers.class);
		assertThat(request.getMultiValueHeaders().getFirst("Accept")).isEqualTo("application/json");
	}

	@Test
	void theFixturesCarryWhatTheComparisonMustCover() {
		AwsProxyRequest rest = AwsProxyRequestMapper.map(EventFixtures.load("apigw-rest-v1/get-pet.json"));
		AwsProxyRequest alb = AwsProxyRequestMapper.map(EventFixtures.load("alb/get-pet-multi-value.json"));

		// A comparison of two empty models would pass whatever the mapper did.
		assertThat(rest.getHttpMethod()).isEqualTo("GET");
		assertThat(rest.getMultiValueQueryStringParameters()).isNotEmpty();
		assertThat(rest.getRequestContext().getIdentity().getSourceIp()).isEqualTo("203.0.113.9");
		assertThat(rest.getRequestContext().getRequestTimeEpoch()).isEqualTo(1773101039000L);
		assertThat(rest.getRequestContext().getAuthorizer().getClaims().getEmail()).isEqualTo("ada@example.com");
		assertThat(alb.getRequestContext().getElb().getTargetGroupArn()).contains(":targetgroup/petstore/");
		assertThat(alb.getMultiValueHeaders()).isNotEmpty();
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		ObjectNode identity = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) identity.path("requestContext")).put("identity", "anonymous");
		ObjectNode sourceIp = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) sourceIp.path("requestContext").path("identity")).putArray("sourceIp");
		ObjectNode epoch = EventFixtures.load("alb/get-pet-single-value.json");
		((ObjectNode) epoch.path("requestContext")).put("requestTimeEpoch", "soon");

		ObjectNode multiValue = EventFixtures.load("apigw-rest-v1/get-pet.json");
		((ObjectNode) multiValue.path("multiValueHeaders")).put("Accept", "*/*");
		ObjectNode element = EventFixtures.load("alb/get-pet-multi-value.json");
		((ObjectNode) element.path("multiValueQueryStringParameters")).putArray("tag").add("small").addArray();

		assertThat(problem(multiValue)).isEqualTo("'multiValueHeaders.Accept' has the wrong type (a string)");
		assertThat(problem(element)).isEqualTo("'multiValueQueryStringParameters.tag[1]' has the wrong type (an array)");
		assertThat(problem(identity)).isEqualTo("'requestContext.identity' has the wrong type (a string)");
		assertThat(problem(sourceIp)).isEqualTo("'requestContext.identity.sourceIp' has the wrong type (an array)");
		assertThat(problem(epoch)).isEqualTo("'requestContext.requestTimeEpoch' has the wrong type (a string)");
	}

	private static String problem(JsonNode event) {
		return assertThatExceptionOfType(HttpEventShape.WrongTypeException.class)
			.isThrownBy(() -> AwsProxyRequestMapper.map(event))
			.actual()
			.getMessage();
	}

	private static JsonNode asTree(AwsProxyRequest request) {
		return HttpEventRoute.JSON.valueToTree(request);
	}

}
