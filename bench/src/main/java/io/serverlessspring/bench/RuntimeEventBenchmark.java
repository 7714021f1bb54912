package io.serverlessspring.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.samples.petstore.PetstoreApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm per-event time of the runtime beyond HTTP on the petstore sample, through
 * {@link ServerlessHandler}: a keep-warm ping, an SQS batch of 10 adoptions (one handler call per
 * message), a schedule firing the stock report, and an {@code invoke} command.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RuntimeEventBenchmark {

	ServerlessHandler handler;

	byte[] keepWarm;

	byte[] sqsBatch;

	byte[] schedule;

	byte[] invoke;

	@Setup
	public void start() throws IOException {
		this.handler = new ServerlessHandler(PetstoreApplication.class);
		this.handler.application().context();
		this.keepWarm = bytes("{\"serverless\":{\"kind\":\"keep-warm\"}}");
		this.sqsBatch = resource("/sqs-adoptions-10.json");
		this.schedule = bytes("{\"serverless\":{\"kind\":\"schedule\",\"id\":\"stockReport#morningReport\"}}");
		this.invoke = bytes("{\"serverless\":{\"kind\":\"invoke\",\"target\":\"petRegistry#find\",\"args\":[1]}}");
	}

	@Benchmark
	public byte[] keepWarm() throws IOException {
		return handle(this.keepWarm);
	}

	@Benchmark
	public byte[] sqsBatchOf10() throws IOException {
		return handle(this.sqsBatch);
	}

	@Benchmark
	public byte[] schedule() throws IOException {
		return handle(this.schedule);
	}

	@Benchmark
	public byte[] invoke() throws IOException {
		return handle(this.invoke);
	}

	private byte[] handle(byte[] event) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		this.handler.handleRequest(new ByteArrayInputStream(event), out, WarmEventBenchmark.CONTEXT);
		return out.toByteArray();
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = RuntimeEventBenchmark.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
	}

}
