package io.serverlessspring.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What SnapStart priming buys the first request of a restored copy, measured in-JVM (no CRaC JVM
 * here): the petstore package through {@code ServerlessHandler}, the time of the first HTTP API v2
 * {@code GET /pets} in a fresh JVM once the app has started, without priming and after the
 * {@code beforeCheckpoint} hook ran with several settings. JVM default tiers (Lambda's under SnapStart); variants alternate run by
 * run; medians printed.
 *
 * <p>Arguments: the unzipped Lambda package, the directory holding the probe class, the runs.
 */
public final class SnapStartPrimingBenchmark {

	private SnapStartPrimingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path taskRoot = Paths.get(args[0]).toAbsolutePath();
		String classPath = ColdStartBenchmark.classPath(taskRoot, Paths.get(args[1]).toAbsolutePath());
		int runs = Integer.parseInt(args[2]);
		Map<String, List<String>> variants = new LinkedHashMap<>();
		variants.put("not primed (on-demand)", null);
		variants.put("primed, defaults (touch path /, 10 requests)", List.of());
		variants.put("primed, /hello x 10 (another controller)", List.of("-Dserverless.snap-start.prime-paths=/hello"));
		variants.put("primed, /pets x 1", List.of("-Dserverless.snap-start.prime-paths=/pets",
				"-Dserverless.snap-start.prime-requests=1"));
		variants.put("primed, /pets x 10", List.of("-Dserverless.snap-start.prime-paths=/pets"));
		Map<String, List<long[]>> results = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
		launch(taskRoot, classPath, null); // warms the OS file cache; not counted
		for (int run = 0; run < runs; run++) {
			List<String> order = new ArrayList<>(variants.keySet());
			Collections.rotate(order, run);
			for (String name : order) {
				results.get(name).add(launch(taskRoot, classPath, variants.get(name)));
			}
		}
		System.out.println("SnapStart priming: first HTTP API v2 GET /pets in a fresh JVM after start-up, median of "
				+ runs + " runs (priming time in brackets)");
		long notPrimed = median(results.get("not primed (on-demand)"), 0);
		results.forEach((name, values) -> {
			long first = median(values, 0);
			long priming = median(values, 1);
			System.out.printf("  %-46s first event %7.1f ms  (%.2fx)  [priming %d ms]  %s%n", name, first / 1000.0,
					first / (double) notPrimed, priming,
					values.stream().map((v) -> String.valueOf(v[0] / 1000)).collect(Collectors.joining(",", "[", "]")));
		});
	}

	/** Micros of the first event and millis of priming; {@code options} null: not primed. */
	private static long[] launch(Path taskRoot, String classPath, List<String> options) throws Exception {
		List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dlogging.level.root=WARN"));
		if (options != null) {
			command.addAll(options);
		}
		command.addAll(List.of("-cp", classPath, SnapStartPrimingProbe.class.getName(),
				(options != null) ? "primed" : "fresh"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
		builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", (options != null) ? "snap-start" : "on-demand");
		Process process = builder.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> lines = new ArrayList<>();
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(SnapStartPrimingProbe.MARKER)) {
					String[] fields = line.split(" ");
					if (!"200".equals(fields[1])) {
						throw new IllegalStateException("the first response was not a 200: " + lines);
					}
					out.transferTo(Writer.nullWriter());
					return new long[] { Long.parseLong(fields[2]), Long.parseLong(fields[3]) };
				}
				lines.add(line);
			}
			throw new IllegalStateException("the probe exited without responding:\n" + String.join("\n", lines));
		}
		finally {
			process.waitFor(60, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
	}

	private static long median(List<long[]> values, int field) {
		return ColdStartBenchmark.median(values.stream().map((v) -> v[field]).toList());
	}

}
