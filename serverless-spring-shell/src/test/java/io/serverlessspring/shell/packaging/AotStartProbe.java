package io.serverlessspring.shell.packaging;

import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;

/**
 * Runs in a child JVM on a package's class path: creates the handler as Lambda does (the app found
 * through Start-Class), sends one HTTP API v2 {@code GET /pets} and prints the status.
 */
public final class AotStartProbe {

	static final String MARKER = "AOT-PROBE-STATUS";

	private AotStartProbe() {
	}

	public static void main(String[] args) throws Exception {
		String event = """
				{"version":"2.0","routeKey":"$default","rawPath":"/pets","rawQueryString":"","headers":{"host":"x"},
				"requestContext":{"accountId":"123456789012","apiId":"api","domainName":"x","http":{"method":"GET",
				"path":"/pets","protocol":"HTTP/1.1","sourceIp":"203.0.113.9","userAgent":"probe"},"requestId":"r1",
				"routeKey":"$default","stage":"$default","time":"04/Dec/2026:20:00:00 +0000","timeEpoch":1796414400000},
				"isBase64Encoded":false}""";
		String response = new ServerlessHandler().invoke(new String(event.getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8));
		System.out.println(MARKER + " " + (response.contains("\"statusCode\":200") ? 200 : response));
		System.out.flush();
		System.exit(0);
	}

}
