package io.serverlessspring.boot.authorizer;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What API Gateway asks a Lambda authorizer.
 *
 * @param kind which of API Gateway's authorizer events this is
 * @param token the identity: a REST {@code TOKEN} authorizer's {@code authorizationToken}, else the
 * first {@code identitySource} value of an HTTP API event, else the {@code Authorization} header
 * (may be {@code null})
 * @param resourceArn the {@code methodArn} (REST API, HTTP API payload 1.0) or {@code routeArn}
 * (HTTP API payload 2.0) being called
 * @param headers request headers, names as sent ({@code TOKEN} events carry none)
 * @param queryParameters query string parameters (empty for {@code TOKEN})
 * @param event the whole event as API Gateway sent it
 */
public record AuthorizerRequest(Kind kind, String token, String resourceArn, Map<String, String> headers,
		Map<String, String> queryParameters, JsonNode event) {

	/** API Gateway's Lambda-authorizer events. */
	public enum Kind {

		/** REST API {@code TOKEN} authorizer. */
		REST_TOKEN,

		/** REST API {@code REQUEST} authorizer, or an HTTP API authorizer on payload format 1.0. */
		REST_REQUEST,

		/** HTTP API {@code REQUEST} authorizer on payload format 2.0. */
		HTTP_API_V2

	}

	/** A header, ignoring case, or {@code null}. */
	public String header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
