package io.serverlessspring.bench;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link RuntimeEventBenchmark} with JMH and prints the per-event times. */
public final class RuntimeEventBenchmarkRunner {

	private RuntimeEventBenchmarkRunner() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().include(RuntimeEventBenchmark.class.getName() + ".")
			.forks(2)
			.warmupIterations(5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(1))
			// Quiet logs; tasks inline so the SQS batch measures the work, not a flooded executor.
			.jvmArgsAppend("-Dlogging.level.root=WARN", "-Dserverless.tasks.local-mode=sync")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		System.out.println("warm per-event time, runtime routes on the petstore sample (JMH average, 2 forks x 5 x 1 s)");
		for (String name : new String[] { "keepWarm", "invoke", "schedule", "sqsBatchOf10" }) {
			System.out.printf("  %-14s %8.1f us/event%n", name, score(results, name));
		}
		System.out.printf("  per SQS message: %.1f us%n", score(results, "sqsBatchOf10") / 10);
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
