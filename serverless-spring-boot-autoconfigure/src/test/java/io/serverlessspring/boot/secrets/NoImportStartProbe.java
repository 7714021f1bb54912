package io.serverlessspring.boot.secrets;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.http.headersapp.ContextHeadersApplication;

/**
 * Cold start of an app that imports nothing, for the README's figure: starts the handler on a
 * fresh JVM, answers one HTTP API event and prints the time since JVM start and the classes
 * loaded. Run with and without Spring Cloud AWS on the class path (see the module README).
 */
public final class NoImportStartProbe {

	private NoImportStartProbe() {
	}

	public static void main(String[] args) throws Exception {
		String event;
		try (InputStream in = NoImportStartProbe.class.getResourceAsStream("/events/http-api-v2/get-pet.json")) {
			event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String response = new ServerlessHandler(ContextHeadersApplication.class).invoke(event);
		long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
		System.out.println("probe first-response-ms=" + millis + " classes="
				+ ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() + " ok="
				+ response.contains("\"statusCode\":200"));
		System.exit(0);
	}

}
