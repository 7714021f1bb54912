package io.serverlessspring.local.apigateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * What the local cloud checks of a JWT (HTTP API JWT authorizers, REST Cognito user-pool authorizers):
 * the issuer, the audience ({@code aud}, or {@code client_id} of a Cognito access token), expiry and
 * not-before, and the scopes a route asks for. The signature is NOT verified: offline there is no JWKS
 * to fetch (docs/local-cloud.md says so).
 */
final class JwtClaims {

	private JwtClaims() {
	}

	/** The claims of a {@code header.payload.signature} token ({@code Bearer } prefix allowed), or null when it is none. */
	static ObjectNode decode(String authorization) {
		if (authorization == null) {
			return null;
		}
		String token = authorization.trim();
		if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
			token = token.substring(7).trim();
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return null;
		}
		try {
			JsonNode header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
			JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			return (header.isObject() && claims.isObject()) ? (ObjectNode) claims : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Why the claims are not accepted, or null when they are.
	 * @param issuers accepted {@code iss} values
	 * @param audiences accepted {@code aud}/{@code client_id} values (empty: any)
	 */
	static String problem(ObjectNode claims, Collection<String> issuers, Collection<String> audiences, Instant now) {
		if (!issuers.contains(claims.path("iss").asString(""))) {
			return "iss " + claims.path("iss").asString("(none)") + " is not " + String.join(" or ", issuers);
		}
		if (!audiences.isEmpty()) {
			List<String> given = new ArrayList<>(strings(claims.get("aud")));
			given.addAll(strings(claims.get("client_id")));
			if (given.stream().noneMatch(audiences::contains)) {
				return "aud/client_id " + given + " is none of " + audiences;
			}
		}
		if (!claims.path("exp").isNumber()) {
			return "no exp claim";
		}
		if (claims.get("exp").asLong() <= now.getEpochSecond()) {
			return "expired at " + Instant.ofEpochSecond(claims.get("exp").asLong());
		}
		if (claims.path("nbf").isNumber() && claims.get("nbf").asLong() > now.getEpochSecond()) {
			return "not valid before " + Instant.ofEpochSecond(claims.get("nbf").asLong());
		}
		return null;
	}

	/** The token's scopes: {@code scope} (space separated) or {@code scp}. */
	static List<String> scopes(ObjectNode claims) {
		List<String> scopes = new ArrayList<>();
		for (String scope : strings(claims.get("scope"))) {
			scopes.addAll(List.of(scope.trim().split("\\s+")));
		}
		scopes.addAll(strings(claims.get("scp")));
		scopes.removeIf(String::isEmpty);
		return scopes;
	}

	/** The claims as API Gateway puts them in the event: every value a string, a list as {@code [a b]}. */
	static ObjectNode asStrings(ObjectNode claims) {
		ObjectNode strings = Json.object();
		claims.properties().forEach((e) -> {
			JsonNode value = e.getValue();
			String text = value.isArray() ? "[" + String.join(" ", strings(value)) + "]"
					: value.isContainer() ? Json.text(value) : value.asString();
			strings.put(e.getKey(), text);
		});
		return strings;
	}

	/** The issuer of a Cognito user pool's tokens, from the pool's ARN. */
	static String cognitoIssuer(String userPoolArn) {
		// arn:aws:cognito-idp:<region>:<account>:userpool/<pool-id>
		String[] parts = userPoolArn.split(":", 6);
		if (parts.length < 6 || !parts[5].startsWith("userpool/")) {
			return userPoolArn;
		}
		return "https://cognito-idp." + parts[3].toLowerCase(Locale.ROOT) + ".amazonaws.com/" + parts[5].substring(9);
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((v) -> values.add(v.asString()));
		}
		else if (node != null && !node.isNull() && !node.isContainer()) {
			values.add(node.asString());
		}
		return values;
	}

}
