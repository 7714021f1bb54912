package io.serverlessspring.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cold start, JVM launch to first HTTP API response, of the petstore Lambda package: through
 * {@code ServerlessHandler} ("ours") and through upstream's
 * {@code SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler} ("raw"), same class path,
 * alternating runs, medians and their ratio printed.
 *
 * <p>Arguments: the unzipped Lambda package, the directory holding the probe class, the runs.
 */
public final class ColdStartBenchmark {

	private ColdStartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path taskRoot = Paths.get(args[0]);
		Path probeClasses = Paths.get(args[1]);
		int runs = Integer.parseInt(args[2]);
		String classPath = classPath(taskRoot, probeClasses);
		List<Long> ours = new ArrayList<>();
		List<Long> raw = new ArrayList<>();
		launch(taskRoot, classPath, "ours");  // warms the OS file cache; not counted
		for (int run = 0; run < runs; run++) {
			// Alternate which goes first, so neither always gets the warmer machine.
			boolean oursFirst = run % 2 == 0;
			(oursFirst ? ours : raw).add(launch(taskRoot, classPath, oursFirst ? "ours" : "raw"));
			(oursFirst ? raw : ours).add(launch(taskRoot, classPath, oursFirst ? "raw" : "ours"));
		}
		long oursMedian = median(ours);
		long rawMedian = median(raw);
		System.out.println("cold start, JVM launch to first HTTP API v2 response, median of " + runs + " alternating runs");
		System.out.println("  ours (ServerlessHandler):                      " + oursMedian + " ms  " + ours);
		System.out.println("  raw  (getHttpApiV2ProxyHandler):               " + rawMedian + " ms  " + raw);
		System.out.printf("  cold ratio ours/raw: %.3f (target <= 1.05)%n", (double) oursMedian / rawMedian);
		// Load-independent: how many classes each loads before its first response.
		long oursClasses = classesLoaded(taskRoot, classPath, "ours");
		long rawClasses = classesLoaded(taskRoot, classPath, "raw");
		System.out.printf("  classes loaded to first response: ours %d, raw %d (%+.1f %%)%n", oursClasses, rawClasses,
				(oursClasses / (double) rawClasses - 1) * 100);
	}

	private static long classesLoaded(Path taskRoot, String classPath, String mode) throws Exception {
		Path log = Files.createTempFile("class-load-" + mode, ".txt");
		try {
			launch(taskRoot, classPath, mode, "-Xlog:class+load=info:file=" + log);
			try (Stream<String> lines = Files.lines(log)) {
				return lines.filter((line) -> line.contains("source:")).count();
			}
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	/** Lambda's layout: the task root and its lib/*.jar, plus the probe. */
	/** The task root, its {@code lib/*.jar} in name order, then the probe classes: Lambda's class path. */
	static String classPath(Path taskRoot, Path probeClasses) throws IOException {
		List<String> entries = new ArrayList<>();
		entries.add(taskRoot.toString());
		try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
			jars.filter((jar) -> jar.toString().endsWith(".jar")).sorted().forEach((jar) -> entries.add(jar.toString()));
		}
		entries.add(probeClasses.toString());
		return entries.stream().collect(Collectors.joining(File.pathSeparator));
	}

	private static long launch(Path taskRoot, String classPath, String mode, String... jvmOptions) throws Exception {
		String javaExecutable = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(javaExecutable, "-XX:TieredStopAtLevel=1"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), mode));
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(taskRoot.toFile())
			.redirectErrorStream(true);
		builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		long started = System.nanoTime();
		Process process = builder.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> lines = new ArrayList<>();
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith(ColdStartProbe.MARKER)) {
					long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
					if (!line.endsWith(" 200")) {
						throw new IllegalStateException(mode + ": the first response was not a 200: " + lines);
					}
					out.transferTo(Writer.nullWriter());
					return elapsed;
				}
				lines.add(line);
			}
			throw new IllegalStateException(mode + ": the probe exited without responding:\n" + String.join("\n", lines));
		}
		finally {
			process.waitFor(30, TimeUnit.SECONDS);
			process.destroyForcibly();
		}
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
