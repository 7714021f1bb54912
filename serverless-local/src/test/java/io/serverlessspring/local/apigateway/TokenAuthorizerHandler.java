package io.serverlessspring.local.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * A Lambda authorizer for the front-door tests (one class, no JSON library): the token is the TOKEN
 * event's {@code authorizationToken} or the {@code X-Token} header. {@code allow} is allowed,
 * {@code deny} denied, anything else answers the error "Unauthorized". A payload 2.0 event gets a simple
 * response, others an IAM policy for the stage's methods; the context carries the event it got and how
 * often this JVM was called (to tell a cached answer).
 */
public class TokenAuthorizerHandler implements RequestStreamHandler {

	private static int calls;

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		calls++;
		String token = member(event, "authorizationToken");
		if (token == null || event.contains("\"type\":\"REQUEST\"")) {
			token = member(event, "(?i:x-token)");
		}
		if (!"allow".equals(token) && !"deny".equals(token)) {
			throw new IllegalStateException("Unauthorized");
		}
		boolean allow = "allow".equals(token);
		String quoted = event.replace("\\", "\\\\").replace("\"", "\\\"");
		String authorizerContext = "{\"user\":\"alice\",\"level\":3,\"calls\":" + calls + ",\"event\":\"" + quoted + "\"}";
		if (event.contains("\"version\":\"2.0\"")) {
			output.write(("{\"isAuthorized\":" + allow + ",\"context\":" + authorizerContext + "}").getBytes(StandardCharsets.UTF_8));
			return;
		}
		String arn = member(event, "methodArn");
		// the stage's every method: arn:aws:execute-api:<region>:<account>:<api>/<stage>/*
		String stageMethods = arn.substring(0, arn.indexOf('/', arn.indexOf('/') + 1)) + "/*";
		output.write(("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
				+ "\"execute-api:Invoke\",\"Effect\":\"" + (allow ? "Allow" : "Deny") + "\",\"Resource\":\"" + stageMethods
				+ "\"}]},\"context\":" + authorizerContext + "}").getBytes(StandardCharsets.UTF_8));
	}

	private static String member(String json, String name) {
		Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return value.find() ? value.group(1) : null;
	}

}
