package io.serverlessspring.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

import io.serverlessspring.boot.handler.LocalLambdaContext;
import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.snapstart.SnapStartHooks;

/**
 * Runs in a fresh JVM: starts the petstore through {@code ServerlessHandler} as Lambda would,
 * optionally runs the SnapStart {@code beforeCheckpoint} hook (as Lambda does before the snapshot),
 * then times the first HTTP API event only and prints it with a marker line.
 */
public final class SnapStartPrimingProbe {

	static final String MARKER = "SNAPSTART-FIRST-EVENT";

	private SnapStartPrimingProbe() {
	}

	public static void main(String[] args) throws Exception {
		boolean primed = "primed".equals(args[0]);
		byte[] event;
		try (InputStream in = SnapStartPrimingProbe.class.getResourceAsStream("/http-api-v2-get-pets.json")) {
			event = in.readAllBytes();
		}
		ServerlessHandler handler = new ServerlessHandler();
		// Both variants time a started app: on-demand, the handler may return before start-up ends.
		handler.application().context();
		long primingMillis = 0;
		if (primed) {
			long started = System.nanoTime();
			handler.application().context().getBean(SnapStartHooks.class).beforeCheckpoint(null);
			primingMillis = (System.nanoTime() - started) / 1_000_000;
		}
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		long started = System.nanoTime();
		handler.handleRequest(new ByteArrayInputStream(event), response, new LocalLambdaContext("petstore-bench"));
		long firstEventMicros = (System.nanoTime() - started) / 1_000;
		int status = response.toString().contains("\"statusCode\":200") ? 200 : -1;
		System.out.println(MARKER + " " + status + " " + firstEventMicros + " " + primingMillis);
		System.out.flush();
		System.exit(0);
	}

}
