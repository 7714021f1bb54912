package io.serverlessspring.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import io.serverlessspring.boot.handler.LocalLambdaContext;
import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.samples.petstore.PetstoreApplication;

/**
 * Runs in a fresh JVM: creates one handler the way Lambda would, feeds it one HTTP API event, and
 * prints a marker line with the status as soon as the response is written.
 */
public final class ColdStartProbe {

	static final String MARKER = "COLD-START-FIRST-RESPONSE";

	private ColdStartProbe() {
	}

	public static void main(String[] args) throws Exception {
		byte[] event;
		try (InputStream in = ColdStartProbe.class.getResourceAsStream("/http-api-v2-get-pets.json")) {
			event = in.readAllBytes();
		}
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		LocalLambdaContext context = new LocalLambdaContext("petstore-bench");
		if ("ours".equals(args[0])) {
			// What Lambda does: the no-argument constructor finds the app through Start-Class.
			new ServerlessHandler().handleRequest(new ByteArrayInputStream(event), response, context);
		}
		else {
			SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler(PetstoreApplication.class)
				.proxyStream(new ByteArrayInputStream(event), response, context);
		}
		String json = response.toString();
		int status = json.contains("\"statusCode\":200") ? 200 : -1;
		System.out.println(MARKER + " " + status);
		System.out.flush();
		System.exit(0);
	}

}
