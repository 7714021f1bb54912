package io.serverlessspring.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A cross-check of {@link WarmEventBenchmark} for loaded machines: both handlers in one JVM,
 * measured in alternating batches so that both see the same load; prints the median per-event
 * time of each and the median of the per-batch ratios. Not JMH: no dead-code or fork control,
 * which matters little for a ~10 µs servlet round trip that writes its output.
 */
public final class WarmEventInterleaved {

	private WarmEventInterleaved() {
	}

	public static void main(String[] args) throws Exception {
		int batches = Integer.parseInt(System.getProperty("bench.batches", "30"));
		int perBatch = Integer.parseInt(System.getProperty("bench.batch-size", "2000"));
		WarmEventBenchmark benchmark = new WarmEventBenchmark();
		WarmEventBenchmark.Ours ours = new WarmEventBenchmark.Ours();
		ours.start();
		WarmEventBenchmark.Raw raw = new WarmEventBenchmark.Raw();
		raw.start();
		for (int i = 0; i < 20_000; i++) {
			benchmark.ours(ours);
			benchmark.raw(raw);
		}
		List<Double> oursTimes = new ArrayList<>();
		List<Double> rawTimes = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		long sink = 0;
		for (int batch = 0; batch < batches; batch++) {
			boolean oursFirst = batch % 2 == 0;
			double first = 0;
			double second = 0;
			for (int pass = 0; pass < 2; pass++) {
				boolean runOurs = (pass == 0) == oursFirst;
				long started = System.nanoTime();
				for (int i = 0; i < perBatch; i++) {
					sink += runOurs ? benchmark.ours(ours).length : benchmark.raw(raw).length;
				}
				double micros = (System.nanoTime() - started) / 1000.0 / perBatch;
				if (pass == 0) {
					first = micros;
				}
				else {
					second = micros;
				}
			}
			double oursTime = oursFirst ? first : second;
			double rawTime = oursFirst ? second : first;
			oursTimes.add(oursTime);
			rawTimes.add(rawTime);
			ratios.add(oursTime / rawTime);
		}
		long oursBytes = allocatedPerEvent(() -> benchmark.ours(ours));
		long rawBytes = allocatedPerEvent(() -> benchmark.raw(raw));
		System.out.println("warm per-event time, " + (WarmEventBenchmark.restApi() ? "REST API (v1)" : "HTTP API v2")
				+ " GET /pets, interleaved in one JVM (" + batches + " batches of " + perBatch
				+ " events each, after 20000 warm-up events each; response bytes " + sink + ")");
		System.out.printf("  ours (ServerlessHandler):         %.1f us/event (median)%n", median(oursTimes));
		System.out.printf("  raw  (%s):  %.1f us/event (median)%n",
				WarmEventBenchmark.restApi() ? "getAwsProxyHandler" : "getHttpApiV2ProxyHandler", median(rawTimes));
		System.out.printf("  warm overhead (median of per-batch ratios): %+.1f %%%n", (median(ratios) - 1) * 100);
		// Load-independent: bytes allocated per event on the calling thread.
		System.out.printf("  allocated per event: ours %d B, raw %d B (%+.1f %%)%n", oursBytes, rawBytes,
				(oursBytes / (double) rawBytes - 1) * 100);
		System.exit(0);
	}

	interface Event {

		byte[] handle() throws Exception;

	}

	private static long allocatedPerEvent(Event event) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		int events = 2000;
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < events; i++) {
			event.handle();
		}
		return (threads.getThreadAllocatedBytes(thread) - before) / events;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
