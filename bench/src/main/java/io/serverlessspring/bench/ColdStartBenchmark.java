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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cold start, JVM launch to first HTTP API response, of the petstore Lambda package: through
 * {@code ServerlessHandler} ("ours") and through upstream's
 * {@code SpringBootLambdaContainerHandler.getHttpApiV2ProxyHandler} ("raw"), same class path,
 * alternating runs, medians and their ratio printed; with a fourth argument also the package as
 * deploy ships it (function zip + dependency layer, Spring AOT), alone, with lazy initialisation,
 * and the AppCDS candidates ({@link #appCdsVariants}).
 *
 * <p>Arguments: the unzipped Lambda package, the directory holding the probe class, the runs, and
 * optionally a directory with the console's package unzipped ({@code task/}, {@code opt/java/lib/}).
 */
public final class ColdStartBenchmark {

	private ColdStartBenchmark() {
	}

	/** Lambda's Java runtime: C1 only (its default JAVA_TOOL_OPTIONS), the serial collector, the JDK's CDS. */
	static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-Xshare:auto");

	/** One way of starting the petstore: where from, which handler, what extra JVM options. */
	record Variant(String label, Path workDir, String classPath, String mode, List<String> options) {
	}

	public static void main(String[] args) throws Exception {
		// Absolute: each child runs in its own task directory.
		Path taskRoot = Paths.get(args[0]).toAbsolutePath();
		Path probeClasses = Paths.get(args[1]).toAbsolutePath();
		int runs = Integer.parseInt(args[2]);
		String classPath = classPath(taskRoot, probeClasses);
		Variant raw = new Variant("(a) raw handler, plain zip", taskRoot, classPath, "raw", List.of());
		Variant ours = new Variant("    ours, plain zip (no AOT)", taskRoot, classPath, "ours", List.of());
		List<Variant> variants = new ArrayList<>(List.of(raw, ours));
		Variant deployed = null;
		// Optional: the package as deploy ships it (bench/cold-start/run.sh unpacks the console's package):
		// <dir>/task is the function zip, <dir>/opt/java/lib the dependency layer's jars.
		if (args.length > 3) {
			Path shipped = Paths.get(args[3]).toAbsolutePath();
			String deployedPath = deployedClassPath(shipped, probeClasses);
			deployed = new Variant("(b) ours as deploy ships it (AOT, layer)", shipped.resolve("task"), deployedPath, "ours",
					List.of());
			variants.add(deployed);
			variants.add(new Variant("    (b) + spring.main.lazy-initialization", shipped.resolve("task"), deployedPath,
					"ours", List.of("-Dspring.main.lazy-initialization=true")));
			boolean tryAppCds = Boolean.parseBoolean(System.getProperty("bench.app-cds", "true"));
			if (tryAppCds) {
				variants.addAll(appCdsVariants(deployed, shipped, probeClasses));
			}
		}
		Map<Variant, List<Long>> times = new LinkedHashMap<>();
		Map<Variant, List<Long>> cpuTimes = new LinkedHashMap<>();
		variants.forEach((variant) -> times.put(variant, new ArrayList<>()));
		variants.forEach((variant) -> cpuTimes.put(variant, new ArrayList<>()));
		Set<String> warmed = new HashSet<>();
		for (Variant variant : variants) {
			if (warmed.add(variant.classPath())) {
				launch(variant);  // warms the OS file cache for these files; not counted
			}
		}
		for (int run = 0; run < runs; run++) {
			// Rotate which goes first, so none always gets the warmer (or the more loaded) machine.
			for (int i = 0; i < variants.size(); i++) {
				Variant variant = variants.get((i + run) % variants.size());
				long[] cpu = new long[1];
				times.get(variant).add(launch(variant, cpu));
				cpuTimes.get(variant).add(cpu[0]);
			}
		}
		System.out.println("cold start, JVM launch to first HTTP API v2 response (GET /pets), " + runs
				+ " rotated runs each, flags " + String.join(" ", LAMBDA_FLAGS) + ", on-demand init; load average "
				+ loadAverage());
		System.out.printf("  %-44s %8s %8s %8s %10s%n", "", "median", "min", "max", "CPU median");
		for (Map.Entry<Variant, List<Long>> entry : times.entrySet()) {
			List<Long> values = entry.getValue();
			System.out.printf("  %-44s %6d ms %6d ms %6d ms %7d ms  %s%n", entry.getKey().label(), median(values),
					values.stream().mapToLong(Long::longValue).min().orElse(0),
					values.stream().mapToLong(Long::longValue).max().orElse(0), median(cpuTimes.get(entry.getKey())),
					values);
		}
		long rawMedian = median(times.get(raw));
		System.out.printf("  cold ratio ours(plain zip)/raw: %.3f%n", (double) median(times.get(ours)) / rawMedian);
		if (deployed != null) {
			System.out.printf("  cold ratio (b)/(a): %.3f (target <= 0.6); CPU time to first response (b)/(a): %.3f%n",
					(double) median(times.get(deployed)) / rawMedian,
					(double) median(cpuTimes.get(deployed)) / median(cpuTimes.get(raw)));
		}
		if (!Boolean.parseBoolean(System.getProperty("bench.count-classes", "true"))) {
			return;
		}
		// Load-independent: how many classes each loads before its first response.
		long oursClasses = classesLoaded(ours);
		long rawClasses = classesLoaded(raw);
		System.out.printf("  classes loaded to first response: ours %d, raw %d (%+.1f %%)", oursClasses, rawClasses,
				(oursClasses / (double) rawClasses - 1) * 100);
		if (deployed != null) {
			System.out.printf(", (b) %d", classesLoaded(deployed));
		}
		System.out.println();
	}

	private static String loadAverage() {
		try {
			return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * The AppCDS candidates. On (b)'s own class path the JVM writes no archive: it starts with the
	 * non-empty directory {@code task/}, as Lambda's starts with {@code /var/task}. So also (b) on
	 * jars only (the task root as one jar, as an exec wrapper could launch it), alone and with a
	 * dynamic archive written by a first run of that class path: what the lever would give.
	 */
	private static List<Variant> appCdsVariants(Variant deployed, Path shipped, Path probeClasses) throws Exception {
		List<Variant> variants = new ArrayList<>();
		Variant archived = archived(deployed, shipped.resolve("app-cds.jsa"), "    (b) + AppCDS archive of its class path");
		if (archived != null) {
			variants.add(archived);
		}
		else {
			System.out.println("  (no AppCDS archive was written for (b): the JVM refused its class path,"
					+ " which starts with a non-empty directory)");
		}
		Path jars = Files.createDirectories(shipped.resolve("jar-only"));
		jar(jars.resolve("app.jar"), shipped.resolve("task"), "lib");
		jar(jars.resolve("probe.jar"), probeClasses, null);
		List<String> entries = new ArrayList<>(List.of(jars.resolve("app.jar").toString()));
		for (String entry : deployed.classPath().split(File.pathSeparator)) {
			if (entry.endsWith(".jar")) {
				entries.add(entry);
			}
		}
		entries.add(jars.resolve("probe.jar").toString());
		Variant jarOnly = new Variant("    (b) on jars only (task root as a jar)", jars,
				String.join(File.pathSeparator, entries), "ours", List.of());
		variants.add(jarOnly);
		Variant jarOnlyArchived = archived(jarOnly, jars.resolve("app-cds.jsa"), "    (b) on jars only + AppCDS archive");
		if (jarOnlyArchived != null) {
			variants.add(jarOnlyArchived);
		}
		else {
			System.out.println("  (no AppCDS archive was written for (b) on jars only)");
		}
		return variants;
	}

	/**
	 * {@code base} with a dynamic AppCDS archive of its class path, written to {@code archive} by one
	 * run of it that exits; {@code null} when the JVM wrote none (it refuses some class paths).
	 */
	private static Variant archived(Variant base, Path archive, String label) throws Exception {
		Files.deleteIfExists(archive);
		launch(base, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
		if (!Files.isRegularFile(archive)) {
			return null;
		}
		return new Variant(label, base.workDir(), base.classPath(), base.mode(),
				List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
	}

	/** {@code directory}'s content as a jar, without its {@code exclude} subdirectory; the JDK's jar tool. */
	private static void jar(Path jar, Path directory, String exclude) throws Exception {
		Files.deleteIfExists(jar);
		List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "jar").toString(),
				"--create", "--no-manifest", "--file", jar.toString()));
		try (Stream<Path> children = Files.list(directory)) {
			for (Path child : children.sorted().toList()) {
				if (!child.getFileName().toString().equals(exclude)) {
					command.addAll(List.of("-C", directory.toString(), child.getFileName().toString()));
				}
			}
		}
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("jar failed for " + directory);
		}
	}

	/** Lambda's class path for a function with a layer: the task root, its lib/*.jar, then /opt/java/lib/*.jar. */
	static String deployedClassPath(Path shipped, Path probeClasses) throws IOException {
		List<String> entries = new ArrayList<>();
		Path task = shipped.resolve("task");
		entries.add(task.toString());
		for (Path lib : List.of(task.resolve("lib"), shipped.resolve("opt/java/lib"))) {
			if (Files.isDirectory(lib)) {
				try (Stream<Path> jars = Files.list(lib)) {
					jars.filter((jar) -> jar.toString().endsWith(".jar")).sorted().forEach((jar) -> entries.add(jar.toString()));
				}
			}
		}
		entries.add(probeClasses.toString());
		return String.join(File.pathSeparator, entries);
	}

	private static long classesLoaded(Variant variant) throws Exception {
		Path log = Files.createTempFile("class-load-" + variant.mode(), ".txt");
		try {
			launch(variant, "-Xlog:class+load=info:file=" + log);
			try (Stream<String> lines = Files.lines(log)) {
				return lines.filter((line) -> line.contains("source:")).count();
			}
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

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

	private static long launch(Variant variant, String... jvmOptions) throws Exception {
		return launch(variant, new long[1], jvmOptions);
	}

	/**
	 * Wall time to the first response; {@code cpu[0]} gets the CPU time (all threads, user + system)
	 * the JVM had used by then: less sensitive to the machine's load than wall time, and closer to
	 * what a Lambda function with less than one vCPU (1024 MB) pays.
	 */
	private static long launch(Variant variant, long[] cpu, String... jvmOptions) throws Exception {
		String mode = variant.mode();
		String javaExecutable = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(javaExecutable));
		command.addAll(LAMBDA_FLAGS);
		command.addAll(variant.options());
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", variant.classPath(), ColdStartProbe.class.getName(), mode));
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(variant.workDir().toFile())
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
					cpu[0] = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
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
			process.waitFor(120, TimeUnit.SECONDS);  // an AppCDS dump happens at exit
			process.destroyForcibly();
		}
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
