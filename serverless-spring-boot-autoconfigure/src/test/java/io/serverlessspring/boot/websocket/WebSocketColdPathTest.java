package io.serverlessspring.boot.websocket;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app with WebSocket routes answers HTTP without loading the Lambda runtime's event serialisers
 * (about 800 classes of a shaded Jackson and Joda-Time, a cold start's worth of time on a C1-only
 * JVM); the first WebSocket event loads them and is answered. A child JVM logs the classes it loads.
 */
class WebSocketColdPathTest {

	/**
	 * What making the serialiser loads: its per-event mix-ins and the Jackson it shades (the
	 * auto-configuration's class check alone loads only {@code LambdaEventSerializers} itself).
	 */
	private static final List<String> SERIALISER_PACKAGES = List.of(
			"com.amazonaws.services.lambda.runtime.serialization.events.mixins.",
			"com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.");

	@Test
	void httpNeedsNoEventSerialiserAndTheFirstWebSocketEventLoadsIt() throws Exception {
		String output = runProbe();
		int afterHttp = output.indexOf(ColdPathProbe.AFTER_HTTP);
		int afterWebSocket = output.indexOf(ColdPathProbe.AFTER_WEBSOCKET);
		assertThat(afterHttp).as(output).isPositive();
		assertThat(afterWebSocket).as(output).isGreaterThan(afterHttp);
		String startAndHttp = output.substring(0, afterHttp);
		String webSocket = output.substring(afterHttp, afterWebSocket);
		assertThat(output).contains(ColdPathProbe.AFTER_HTTP + " true");
		assertThat(output.substring(afterWebSocket)).startsWith(ColdPathProbe.AFTER_WEBSOCKET + " {\"statusCode\":200");
		for (String packageName : SERIALISER_PACKAGES) {
			assertThat(startAndHttp).doesNotContain("] " + packageName);
			assertThat(webSocket).contains("] " + packageName);
		}
	}

	private static String runProbe() throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
				ColdPathProbe.class.getName());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return output;
	}

}
