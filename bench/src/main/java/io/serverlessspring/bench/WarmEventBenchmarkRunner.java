package io.serverlessspring.bench;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link WarmEventBenchmark} with JMH and prints ours vs. raw as an overhead. */
public final class WarmEventBenchmarkRunner {

	private WarmEventBenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().include(WarmEventBenchmark.class.getSimpleName())
			.forks(3)
			.warmupIterations(6)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(8)
			.measurementTime(TimeValue.seconds(1))
			// Quiet Spring and the access log: console output would dominate a per-event time.
			.jvmArgsAppend("-Dlogging.level.root=WARN", "-Dlogging.level.io.serverlessspring.access=WARN")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		double ours = score(results, "ours");
		double raw = score(results, "raw");
		System.out.println("warm per-event time, HTTP API v2 GET /pets (JMH average, 3 forks x 8 x 1 s)");
		System.out.printf("  ours (ServerlessHandler):         %.1f us/event%n", ours);
		System.out.printf("  raw  (getHttpApiV2ProxyHandler):  %.1f us/event%n", raw);
		System.out.printf("  warm overhead: %+.1f %% (target <= 5 %%)%n", (ours / raw - 1) * 100);
	}

	private static double score(Collection<RunResult> results, String benchmark) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + benchmark))
			.findFirst()
			.orElseThrow()
			.getPrimaryResult()
			.getScore();
	}

}
