package io.serverlessspring.local.elbv2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * A Lambda target for the ALB tests: answers 200 with the event as the body, in the response shape
 * the event asks for (multi-value headers when the event has them, as ALB requires).
 */
public class AlbEchoHandler implements RequestStreamHandler {

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		String body = event.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		String headers = event.contains("\"multiValueHeaders\"")
				? "\"multiValueHeaders\":{\"Content-Type\":[\"application/json\"],\"Set-Cookie\":[\"a=1\",\"b=2\"]}"
				: "\"headers\":{\"Content-Type\":\"application/json\",\"Set-Cookie\":\"a=1\"}";
		output.write(("{\"statusCode\":200,\"statusDescription\":\"200 OK\"," + headers + ",\"isBase64Encoded\":false,"
				+ "\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
	}

}
