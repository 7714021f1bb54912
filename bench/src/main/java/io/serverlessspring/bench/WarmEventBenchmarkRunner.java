package io.serverlessspring.bench;

import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link WarmEventBenchmark} with JMH in alternating rounds (ours then raw, raw then ours,
 * ...), one fork each, and prints the medians and the median of the per-round ratios: on a shared,
 * loaded machine a round's two forks see the same load, consecutive rounds do not.
 */
public final class WarmEventBenchmarkRunner {

	private WarmEventBenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(System.getProperty("bench.warm.rounds", "3"));
		List<Double> ours = new ArrayList<>();
		List<Double> raw = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			boolean oursFirst = round % 2 == 0;
			double first = run(oursFirst ? "ours" : "raw");
			double second = run(oursFirst ? "raw" : "ours");
			double oursScore = oursFirst ? first : second;
			double rawScore = oursFirst ? second : first;
			ours.add(oursScore);
			raw.add(rawScore);
			ratios.add(oursScore / rawScore);
		}
		System.out.println("warm per-event time, HTTP API v2 GET /pets (JMH average time, " + rounds
				+ " alternating rounds of one fork each, 5 x 1 s warm-up, 5 x 1 s measured)");
		System.out.printf("  ours (ServerlessHandler):         %.1f us/event (median)  %s%n", median(ours), rounded(ours));
		System.out.printf("  raw  (getHttpApiV2ProxyHandler):  %.1f us/event (median)  %s%n", median(raw), rounded(raw));
		System.out.printf("  warm overhead (median of per-round ratios): %+.1f %% (target <= 5 %%)%n",
				(median(ratios) - 1) * 100);
	}

	private static double run(String benchmark) throws Exception {
		Options options = new OptionsBuilder().include(WarmEventBenchmark.class.getName() + "." + benchmark + "$")
			.forks(1)
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			// Quiet Spring and the access log in both: console output would dominate a per-event time.
			.jvmArgsAppend("-Dlogging.level.root=WARN", "-Dlogging.level.io.serverlessspring.access=WARN")
			.build();
		RunResult result = new Runner(options).runSingle();
		return result.getPrimaryResult().getScore();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static List<String> rounded(List<Double> values) {
		return values.stream().map((value) -> String.format("%.1f", value)).toList();
	}

}
