package io.serverlessspring.boot.errors;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;

/**
 * Runs in a child JVM on a class path without the starter's optional jars: starts the app named by
 * the first argument through {@code ServerlessHandler}, sends it one HTTP API event and prints the
 * response's status (or the failure), then exits.
 */
public final class OptionalDependenciesProbe {

	private OptionalDependenciesProbe() {
	}

	public static void main(String[] args) throws Exception {
		int exit = 0;
		try (InputStream in = OptionalDependenciesProbe.class.getResourceAsStream("/events/http-api-v2/get-pet.json")) {
			String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String response = new ServerlessHandler(Class.forName(args[0])).invoke(event);
			System.out.println("probe answered " + (response.contains("\"statusCode\":200") ? "200" : response));
		}
		catch (Throwable ex) {
			System.out.println("probe failed: " + ex);
			exit = 1;
		}
		System.exit(exit);
	}

}
