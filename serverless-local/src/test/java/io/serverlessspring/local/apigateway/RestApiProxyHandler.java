package io.serverlessspring.local.apigateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** A proxy-integration function for the REST API tests: answers 200 with the event it got as the body. */
public class RestApiProxyHandler implements RequestStreamHandler {

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		String body = event.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		output.write(("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\",\"x-proxy\":\"v1\"},\"body\":\"" + body + "\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

}
