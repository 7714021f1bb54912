package io.serverlessspring.local.lambda.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JVM a function runs on, as Lambda's managed Java runtimes start it: the JDK of the runtime's
 * major version when one is installed (else this JVM's, and the function's log says so), a heap sized
 * from the memory setting, the serial collector, and C1 only (java25 keeps the full tiers under
 * SnapStart and provisioned concurrency). The function's {@code JAVA_TOOL_OPTIONS} apply on top, as on
 * Lambda: a flag they set is not also given here, because the command line would override them.
 *
 * <p>JDKs are found, first match per major version, in {@code SERVERLESS_LOCAL_JDK_<major>} (a JDK home),
 * this JVM's home, {@code JAVA_HOME}, and the usual install roots ({@code /usr/lib/jvm},
 * {@code /Library/Java/JavaVirtualMachines}); a home's major version is read from its {@code release}
 * file.
 */
public final class FunctionJvm {

	private static final Pattern RUNTIME_MAJOR = Pattern.compile("java(\\d+)(?:\\.al2)?");

	private static final List<Path> INSTALL_ROOTS = List.of(Path.of("/usr/lib/jvm"),
			Path.of("/Library/Java/JavaVirtualMachines"));

	private final Map<Integer, Jdk> jdks;

	private final Jdk current;

	/** An installed JDK: its home, its full version ({@code 25.0.3}) and major version. */
	public record Jdk(Path home, String version, int major) {

		Path java() {
			return this.home.resolve("bin").resolve("java");
		}

	}

	/**
	 * The JDK a function of one runtime runs on.
	 *
	 * @param jdk the JDK used
	 * @param matches whether its major version is the runtime's
	 * @param note what the function's log says when it does not match, else {@code null}
	 */
	public record Choice(Jdk jdk, boolean matches, String note) {

		/** {@code java25 on JDK 25.0.3}: what GetFunction's runtime version and the log name. */
		public String describe(String runtime) {
			return runtime + " on JDK " + this.jdk.version();
		}

	}

	FunctionJvm(Map<Integer, Jdk> jdks, Jdk current) {
		this.jdks = Map.copyOf(jdks);
		this.current = current;
	}

	/** The JDKs of this machine, found once from the process environment. */
	public static FunctionJvm installed() {
		return Installed.JVM;
	}

	private static final class Installed {

		static final FunctionJvm JVM = discover(System.getenv());

	}

	/** The JDKs of this machine, found from {@code environment} and the install roots. */
	public static FunctionJvm discover(Map<String, String> environment) {
		Jdk current = jdk(Path.of(System.getProperty("java.home")));
		if (current == null) {
			current = new Jdk(Path.of(System.getProperty("java.home")), System.getProperty("java.version"),
					Runtime.version().feature());
		}
		List<Path> homes = new ArrayList<>();
		environment.entrySet()
			.stream()
			.filter((e) -> e.getKey().matches("SERVERLESS_LOCAL_JDK_\\d+") && !e.getValue().isBlank())
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> homes.add(Path.of(e.getValue())));
		homes.add(current.home());
		if (environment.get("JAVA_HOME") != null && !environment.get("JAVA_HOME").isBlank()) {
			homes.add(Path.of(environment.get("JAVA_HOME")));
		}
		for (Path root : INSTALL_ROOTS) {
			homes.addAll(children(root));
		}
		Map<Integer, Jdk> jdks = new LinkedHashMap<>();
		for (Path home : homes) {
			Jdk jdk = jdk(home);
			if (jdk == null) {
				jdk = jdk(home.resolve("Contents").resolve("Home")); // a macOS bundle
			}
			if (jdk != null) {
				jdks.putIfAbsent(jdk.major(), jdk);
			}
		}
		return new FunctionJvm(jdks, current);
	}

	/** The JDK for {@code runtime} ({@code java25}): its major version if installed, else this JVM's. */
	public Choice choose(String runtime) {
		Matcher matcher = RUNTIME_MAJOR.matcher(runtime);
		if (!matcher.matches()) {
			return new Choice(this.current, false,
					runtime + " is not a Java runtime: running on JDK " + this.current.version() + " (" + this.current.home() + ")");
		}
		int major = Integer.parseInt(matcher.group(1));
		Jdk jdk = this.jdks.get(major);
		if (jdk != null) {
			return new Choice(jdk, true, null);
		}
		return new Choice(this.current, false, "no JDK " + major + " found for " + runtime + ": running on JDK "
				+ this.current.version() + " (" + this.current.home() + "); set SERVERLESS_LOCAL_JDK_" + major
				+ " to a JDK " + major + " home");
	}

	/**
	 * {@code --enable-native-access=ALL-UNNAMED} on a JDK 22+ (JDK 17 rejects the flag): the runtime
	 * client's native calls would otherwise print four "restricted method" warnings into the function's log.
	 */
	static List<String> nativeAccess(int major) {
		return (major >= 22) ? List.of("--enable-native-access=ALL-UNNAMED") : List.of();
	}

	/**
	 * The JVM options before the class path, as the managed runtime gives them.
	 *
	 * @param runtime the function's runtime ({@code java25})
	 * @param memoryMegabytes its memory setting
	 * @param javaToolOptions the function's {@code JAVA_TOOL_OPTIONS}, or {@code null}
	 * @param fullTiers whether SnapStart or provisioned concurrency applies (java25 then keeps C2)
	 */
	static List<String> options(String runtime, int memoryMegabytes, String javaToolOptions, boolean fullTiers) {
		String own = (javaToolOptions != null) ? javaToolOptions : "";
		List<String> options = new ArrayList<>();
		if (!own.matches("(?s).*-Xmx\\S+.*|.*-XX:MaxRAM\\S*.*")) {
			options.add("-Xmx" + Math.max(64, (int) (memoryMegabytes * 0.85)) + "m");
		}
		if (!own.matches("(?s).*-XX:[+-]Use\\w+GC.*")) {
			options.add("-XX:+UseSerialGC");
		}
		boolean c1Only = !(fullTiers && "java25".equals(runtime));
		if (c1Only && !own.matches("(?s).*-XX:TieredStopAtLevel=\\d.*|.*-XX:[+-]TieredCompilation.*")) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		options.add("-Xshare:auto");
		options.add("-Djava.net.preferIPv4Stack=true");
		return options;
	}

	private static List<Path> children(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(root)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** The JDK at {@code home}, or {@code null} when it has no {@code bin/java} or {@code release} file. */
	static Jdk jdk(Path home) {
		Path release = home.resolve("release");
		if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
			return null;
		}
		Properties properties = new Properties();
		try (var in = Files.newInputStream(release)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + release, ex);
		}
		String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
		Matcher major = Pattern.compile("(?:1\\.)?(\\d+).*").matcher(version);
		if (!major.matches()) {
			return null;
		}
		Path real;
		try {
			real = home.toRealPath();
		}
		catch (IOException ex) {
			real = home;
		}
		return new Jdk(real, version, Integer.parseInt(major.group(1)));
	}

}
