package io.serverlessspring.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import com.amazonaws.serverless.exceptions.ContainerInitializationException;
import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
import io.serverlessspring.boot.handler.LocalLambdaContext;
import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.samples.petstore.PetstoreApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Warm per-event time of one HTTP API v2 event (GET /pets; a REST API one with {@code -Dbench.event=rest-api}), ours vs. upstream's raw handler. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmEventBenchmark {

	static final LocalLambdaContext CONTEXT = new LocalLambdaContext("petstore-bench");

	/** {@code -Dbench.event=rest-api}: a REST API (v1) event instead of the HTTP API v2 one, raw's handler to match. */
	static boolean restApi() {
		return "rest-api".equals(System.getProperty("bench.event", "http-api-v2"));
	}

	static byte[] event() throws IOException {
		String name = restApi() ? "/apigw-rest-v1-get-pets.json" : "/http-api-v2-get-pets.json";
		try (InputStream in = WarmEventBenchmark.class.getResourceAsStream(name)) {
			return in.readAllBytes();
		}
	}

	@State(Scope.Benchmark)
	public static class Ours {

		ServerlessHandler handler;

		byte[] event;

		@Setup
		public void start() throws IOException {
			this.handler = new ServerlessHandler(PetstoreApplication.class);
			this.handler.application().context();
			this.event = event();
		}

	}

	@State(Scope.Benchmark)
	public static class Raw {

		SpringBootLambdaContainerHandler<?, AwsProxyResponse> handler;

		byte[] event;

		@Setup
		public void start() throws IOException, ContainerInitializationException {
			this.handler = restApi() ? SpringBootLambdaContainerHandler.getAwsProxyHandler(PetstoreApplication.class)
					: SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler(PetstoreApplication.class);
			this.event = event();
		}

	}

	@Benchmark
	public byte[] ours(Ours state) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		state.handler.handleRequest(new ByteArrayInputStream(state.event), out, CONTEXT);
		return out.toByteArray();
	}

	@Benchmark
	public byte[] raw(Raw state) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		state.handler.proxyStream(new ByteArrayInputStream(state.event), out, CONTEXT);
		return out.toByteArray();
	}

}
