package io.serverlessspring.local.apigateway;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules behind the front doors' guards: a Lambda authorizer's policy and what a JWT must claim. */
class AuthorizerRulesTest {

	private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/pets/7";

	@Test
	void anExplicitDenyWinsOverAnAllowAndWildcardsMatchAsInIam() {
		assertThat(LambdaAuthorizerCall.evaluate(policy("Allow", "arn:aws:execute-api:*:*:abc123/dev/*"), ARN))
			.isEqualTo(LambdaAuthorizerCall.Kind.ALLOW);
		assertThat(LambdaAuthorizerCall.evaluate(policy("Allow", "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/POST/*"), ARN))
			.as("another method: implicitly denied").isEqualTo(LambdaAuthorizerCall.Kind.IMPLICIT_DENY);
		ObjectNode both = policy("Allow", "*");
		both.withArray("Statement").add(policy("Deny", "arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/pets/?")
			.get("Statement").get(0));
		assertThat(LambdaAuthorizerCall.evaluate(both, ARN)).isEqualTo(LambdaAuthorizerCall.Kind.EXPLICIT_DENY);
	}

	@Test
	void aJwtNeedsTheIssuerAnAudienceAndTime() {
		Instant now = Instant.parse("2026-12-05T12:00:00Z");
		String issuer = "https://issuer.example.com";
		ObjectNode claims = claims("{\"iss\":\"" + issuer + "\",\"aud\":[\"app\",\"other\"],\"exp\":" + (now.getEpochSecond() + 60) + "}");
		assertThat(JwtClaims.problem(claims, List.of(issuer), List.of("app"), now)).isNull();
		assertThat(JwtClaims.problem(claims, List.of(issuer), List.of("third"), now)).contains("aud");
		assertThat(JwtClaims.problem(claims, List.of("https://elsewhere"), List.of(), now)).contains("iss");
		assertThat(JwtClaims.problem(claims("{\"iss\":\"" + issuer + "\"}"), List.of(issuer), List.of(), now)).isEqualTo("no exp claim");
		ObjectNode early = claims("{\"iss\":\"" + issuer + "\",\"exp\":" + (now.getEpochSecond() + 60) + ",\"nbf\":"
				+ (now.getEpochSecond() + 30) + "}");
		assertThat(JwtClaims.problem(early, List.of(issuer), List.of(), now)).contains("not valid before");
		assertThat(JwtClaims.scopes(claims("{\"scope\":\"a b\",\"scp\":[\"c\"]}"))).containsExactly("a", "b", "c");
		assertThat(JwtClaims.decode("Bearer not.a-jwt")).isNull();
		assertThat(JwtClaims.cognitoIssuer("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC"))
			.isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC");
	}

	private static ObjectNode policy(String effect, String resource) {
		return (ObjectNode) Json.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\""
				+ effect + "\",\"Resource\":\"" + resource + "\"}]}");
	}

	private static ObjectNode claims(String json) {
		return (ObjectNode) Json.parse(json);
	}

}
