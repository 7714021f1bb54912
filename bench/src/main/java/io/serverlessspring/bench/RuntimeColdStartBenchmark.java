package io.serverlessspring.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the runtime beyond HTTP costs at cold start: the petstore package through
 * {@code ServerlessHandler}, JVM launch to first HTTP API response, with and without the runtime's
 * auto-configurations (tasks, schedules, events, commands, keep-warm, manifest check, actuator
 * endpoint, Spring Cloud Function's catalog), alternating runs, medians printed.
 *
 * <p>Arguments: the unzipped Lambda package, the directory holding the probe class, the runs.
 */
public final class RuntimeColdStartBenchmark {

	private static final String EXCLUDED = String.join(",", "io.serverlessspring.boot.tasks.TasksAutoConfiguration",
			"io.serverlessspring.boot.scheduling.SchedulingAutoConfiguration",
			"io.serverlessspring.boot.events.EventsAutoConfiguration",
			"io.serverlessspring.boot.commands.CommandsAutoConfiguration",
			"io.serverlessspring.boot.warmup.WarmupAutoConfiguration",
			"io.serverlessspring.boot.manifest.ManifestAutoConfiguration",
			"io.serverlessspring.boot.actuate.ServerlessEndpointAutoConfiguration",
			"io.serverlessspring.boot.targets.TargetsAutoConfiguration",
			"org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration");

	private RuntimeColdStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// Absolute: the children run in the task root, as Lambda does.
		Path taskRoot = Paths.get(args[0]).toAbsolutePath();
		String classPath = ColdStartBenchmark.classPath(taskRoot, Paths.get(args[1]).toAbsolutePath());
		int runs = Integer.parseInt(args[2]);
		List<Long> with = new ArrayList<>();
		List<Long> without = new ArrayList<>();
		launch(taskRoot, classPath, null); // warms the OS file cache; not counted
		for (int run = 0; run < runs; run++) {
			boolean withFirst = run % 2 == 0;
			(withFirst ? with : without).add(launch(taskRoot, classPath, withFirst ? null : EXCLUDED));
			(withFirst ? without : with).add(launch(taskRoot, classPath, withFirst ? EXCLUDED : null));
		}
		long withMedian = ColdStartBenchmark.median(with);
		long withoutMedian = ColdStartBenchmark.median(without);
		System.out.println("cold start of the petstore package, JVM launch to first HTTP API v2 response, median of "
				+ runs + " alternating runs");
		System.out.println("  with the runtime beyond HTTP:    " + withMedian + " ms  " + with);
		System.out.println("  without (auto-config excluded):  " + withoutMedian + " ms  " + without);
		System.out.printf("  runtime cost: %+d ms (%+.1f %%)%n", withMedian - withoutMedian,
				(withMedian / (double) withoutMedian - 1) * 100);
	}

	private static long launch(Path taskRoot, String classPath, String excluded) throws Exception {
		List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1"));
		if (excluded != null) {
			command.add("-Dspring.autoconfigure.exclude=" + excluded);
		}
		command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), "ours"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
		builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		long started = System.nanoTime();
		Process process = builder.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> lines = new ArrayList<>();
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(ColdStartProbe.MARKER)) {
					long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
					if (!line.endsWith(" 200")) {
						throw new IllegalStateException("the first response was not a 200: " + lines);
					}
					out.transferTo(Writer.nullWriter());
					return elapsed;
				}
				lines.add(line);
			}
			throw new IllegalStateException("the probe exited without responding:\n" + String.join("\n", lines));
		}
		finally {
			process.waitFor(30, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
	}

}
