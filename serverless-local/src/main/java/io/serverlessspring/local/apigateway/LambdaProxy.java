package io.serverlessspring.local.apigateway;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsResponse;

/** What the HTTP API and REST API front doors share about Lambda proxy integrations. */
final class LambdaProxy {

	private static final Pattern LAMBDA_ARN = Pattern
		.compile("arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+(:[a-zA-Z0-9-_$]+)?");

	private LambdaProxy() {
	}

	/**
	 * The function ARN an integration URI names (a bare ARN or API Gateway's
	 * {@code arn:aws:apigateway:…/functions/<arn>/invocations} form) once {@code ${stageVariables.x}}
	 * are replaced, or {@code null} when it names none.
	 */
	static String functionArn(String integrationUri, Map<String, String> stageVariables) {
		String uri = integrationUri;
		for (Map.Entry<String, String> variable : stageVariables.entrySet()) {
			uri = uri.replace("${stageVariables." + variable.getKey() + "}", variable.getValue());
		}
		Matcher arn = LAMBDA_ARN.matcher(uri);
		return arn.find() ? arn.group() : null;
	}

	/**
	 * API Gateway's answer when the invoker refuses before running anything: 413 with the API kind's
	 * own text for an event over Lambda's payload limit, else 429 (throttled).
	 */
	static AwsResponse refused(AwsException refused, String tooLargeMessage) {
		return (refused.status() == 413) ? message(413, tooLargeMessage) : message(429, "Too Many Requests");
	}

	/** API Gateway's own error body, {@code {"message": "..."}}. */
	static AwsResponse message(int status, String message) {
		return AwsResponse.bytes(status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8),
				"application/json");
	}

}
