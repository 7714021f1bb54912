package io.serverlessspring.boot.http;

/**
 * Request attributes the HTTP routes set on every request, so a controller can reach what the
 * event carried beyond HTTP: {@code request.getAttribute(HttpRequestAttributes.LAMBDA_CONTEXT)}.
 */
public final class HttpRequestAttributes {

	/** The Lambda {@link com.amazonaws.services.lambda.runtime.Context} of the invocation. */
	public static final String LAMBDA_CONTEXT = "io.serverlessspring.http.lambda-context";

	/** The whole event as received, a Jackson 3 {@code tools.jackson.databind.JsonNode}. */
	public static final String EVENT = "io.serverlessspring.http.event";

	/** The event's {@code requestContext} (identity, stage, request id, authorizer...), a {@code JsonNode}. */
	public static final String REQUEST_CONTEXT = "io.serverlessspring.http.request-context";

	/**
	 * The authorizer's claims as a {@code Map<String, Object>} (Cognito/JWT claims, or a Lambda
	 * authorizer's context); absent when the request was not authorized.
	 */
	public static final String AUTHORIZER_CLAIMS = "io.serverlessspring.http.authorizer-claims";

	/** The event format: {@code apigw-rest-v1}, {@code http-api-v2}, {@code function-url} or {@code alb}. */
	public static final String EVENT_FORMAT = "io.serverlessspring.http.event-format";

	private HttpRequestAttributes() {
	}

}
