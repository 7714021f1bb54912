package io.serverlessspring.boot.authorizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** API Gateway's Lambda-authorizer events, answered in the shape API Gateway reads. */
class AuthorizerRouteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<AuthorizerRequest> seen = new ArrayList<>();

	/** Lets alice in, with her tier in the context; everyone else is denied. */
	private final LambdaAuthorizer authorizer = (request) -> {
		this.seen.add(request);
		return "Bearer alice-token".equals(request.token())
				? AuthorizerDecision.allow("alice").withContext(Map.of("tier", "gold"))
				: AuthorizerDecision.deny("anonymous");
	};

	@Test
	void aRestTokenAuthorizerGetsAnAllowPolicyForTheMethodArn() throws Exception {
		JsonNode response = handle(new AuthorizerRoute(() -> this.authorizer, true), "apigw-authorizer-token/token.json");

		assertThat(response).isEqualTo(JSON.readTree("""
				{"principalId": "alice",
				 "policyDocument": {"Version": "2012-10-17", "Statement": [{"Action": "execute-api:Invoke",
				   "Effect": "Allow", "Resource": "arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/prod/GET/pets"}]},
				 "context": {"tier": "gold"}}"""));
		assertThat(this.seen).singleElement().satisfies((request) -> {
			assertThat(request.kind()).isEqualTo(AuthorizerRequest.Kind.REST_TOKEN);
			assertThat(request.headers()).isEmpty();
		});
	}

	@Test
	void aRestRequestAuthorizerReadsTheHeadersAndDenies() throws Exception {
		JsonNode response = handle(new AuthorizerRoute(() -> this.authorizer, true), "apigw-authorizer-request/request.json");

		assertThat(response).isEqualTo(JSON.readTree("""
				{"principalId": "anonymous",
				 "policyDocument": {"Version": "2012-10-17", "Statement": [{"Action": "execute-api:Invoke",
				   "Effect": "Deny", "Resource": "arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/prod/GET/pets"}]}}"""));
		assertThat(this.seen).singleElement().satisfies((request) -> {
			assertThat(request.kind()).isEqualTo(AuthorizerRequest.Kind.REST_REQUEST);
			assertThat(request.token()).isEqualTo("Bearer mallory-token");
			assertThat(request.header("user-agent")).isEqualTo("curl/8.5.0");
			assertThat(request.queryParameters()).containsEntry("limit", "10");
		});
	}

	@Test
	void anHttpApiAuthorizerGetsASimpleResponse() throws Exception {
		JsonNode response = handle(new AuthorizerRoute(() -> this.authorizer, true), "http-api-v2-authorizer/request.json");

		assertThat(response).isEqualTo(JSON.readTree("""
				{"isAuthorized": true, "context": {"tier": "gold"}}"""));
		assertThat(this.seen).singleElement()
			.extracting(AuthorizerRequest::kind)
			.isEqualTo(AuthorizerRequest.Kind.HTTP_API_V2);
	}

	@Test
	void anHttpApiAuthorizerWithoutSimpleResponsesGetsAPolicyForTheRouteArn() throws Exception {
		JsonNode response = handle(new AuthorizerRoute(() -> this.authorizer, false), "http-api-v2-authorizer/request.json");

		assertThat(response.path("policyDocument").path("Statement").path(0).path("Resource").asString())
			.isEqualTo("arn:aws:execute-api:us-east-1:123456789012:r3pmxmplak/$default/GET/pets");
		assertThat(response.path("policyDocument").path("Statement").path(0).path("Effect").asString()).isEqualTo("Allow");
		assertThat(response.path("principalId").asString()).isEqualTo("alice");
	}

	@Test
	void onlyAuthorizerEventsAreAccepted() {
		AuthorizerRoute route = new AuthorizerRoute(() -> this.authorizer, true);

		assertThat(route.accepts(event("http-api-v2/get-pet.json"))).isFalse();
		assertThat(route.accepts(event("apigw-rest-v1/get-pet.json"))).isFalse();
		assertThat(route.accepts(event("sqs/adoptions-batch.json"))).isFalse();
		assertThat(route.accepts(event("apigw-authorizer-token/token.json"))).isTrue();
	}

	@Test
	void aDecisionlessAuthorizerIsAClearError() {
		AuthorizerRoute route = new AuthorizerRoute(() -> (request) -> null, true);

		assertThatIllegalStateException()
			.isThrownBy(() -> route.handle(event("apigw-authorizer-token/token.json"), new ByteArrayOutputStream(), null))
			.withMessageContaining("AuthorizerDecision.allow");
	}

	private static JsonNode handle(AuthorizerRoute route, String fixture) throws Exception {
		LambdaEvent event = event(fixture);
		assertThat(route.accepts(event)).isTrue();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		route.handle(event, out, null);
		return JSON.readTree(out.toString(StandardCharsets.UTF_8));
	}

	private static LambdaEvent event(String fixture) {
		return LambdaEvent.parse(Fixtures.event(fixture).getBytes(StandardCharsets.UTF_8));
	}

}
