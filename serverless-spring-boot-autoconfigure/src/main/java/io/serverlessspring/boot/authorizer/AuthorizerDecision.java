package io.serverlessspring.boot.authorizer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lambda authorizer's answer. {@code context} reaches the app as the request's authorizer
 * context ({@code HttpRequestAttributes.AUTHORIZER_CLAIMS}); API Gateway accepts only string,
 * number and boolean values in it.
 *
 * @param allowed whether the request may go through
 * @param principalId the caller's id (REST and IAM-policy responses require one)
 * @param context values passed on to the app
 */
public record AuthorizerDecision(boolean allowed, String principalId, Map<String, Object> context) {

	public AuthorizerDecision {
		context = (context != null) ? Map.copyOf(new LinkedHashMap<>(context)) : Map.of();
	}

	public static AuthorizerDecision allow(String principalId) {
		return new AuthorizerDecision(true, principalId, Map.of());
	}

	public static AuthorizerDecision deny(String principalId) {
		return new AuthorizerDecision(false, principalId, Map.of());
	}

	/** This decision with these context values. */
	public AuthorizerDecision withContext(Map<String, Object> values) {
		return new AuthorizerDecision(this.allowed, this.principalId, values);
	}

}
