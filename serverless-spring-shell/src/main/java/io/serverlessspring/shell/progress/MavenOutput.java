package io.serverlessspring.shell.progress;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Maven's console output line by line and says where the build is: which module of the
 * reactor ({@code Building X 1.0 [2/3]}) and which plugin goal ({@code --- plugin:version:goal (id) @ module ---}).
 * Maven prints the goal, not the lifecycle phase; the phase shown is the one the goal is bound to by
 * default (the jar lifecycle), else the goal itself.
 */
public final class MavenOutput {

	/** ANSI escape sequences (colours, cursor moves): never echoed into a log or a pipe. */
	private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]");

	/** {@code ------< io.example:petstore >------}: announces the module the next Building line names. */
	private static final Pattern MODULE_HEADER = Pattern.compile("^\\[INFO] -+< (\\S+):(\\S+) >-+$");

	/** {@code Building Petstore 1.0 [3/3]} (no counter when the build has one module). */
	private static final Pattern BUILDING = Pattern.compile("^\\[INFO] Building (.+?) (\\S+?)(?:\\s+\\[(\\d+)/(\\d+)])?$");

	/** {@code --- maven-compiler-plugin:3.13.0:compile (default-compile) @ petstore ---} (Maven 3.9+: {@code compiler:3.13.0:compile}). */
	private static final Pattern MOJO = Pattern.compile("^\\[INFO] --- (\\S+?):(\\S+?):(\\S+) \\((\\S+)\\) @ (\\S+) ---$");

	/** The default lifecycle phase of well-known goals (those of a jar build). */
	private static final Map<String, String> PHASES = Map.ofEntries(Map.entry("resources:resources", "process-resources"),
			Map.entry("compiler:compile", "compile"), Map.entry("resources:testResources", "process-test-resources"),
			Map.entry("compiler:testCompile", "test-compile"), Map.entry("surefire:test", "test"),
			Map.entry("jar:jar", "package"), Map.entry("spring-boot:repackage", "package"),
			Map.entry("source:jar-no-fork", "package"), Map.entry("install:install", "install"),
			Map.entry("dependency:build-classpath", "class path"), Map.entry("spring-boot:process-aot", "prepare-package"),
			Map.entry("clean:clean", "clean"), Map.entry("enforcer:enforce", "validate"),
			Map.entry("plugin:descriptor", "process-classes"), Map.entry("plugin:helpmojo", "generate-sources"));

	private String header;

	private String artifact;

	private int index;

	private int total;

	/** Where a build is, after a line that moved it. */
	public record Step(String module, int index, int total, String phase, String goal) {

		/** {@code [2/3] petstore: compile (compiler:compile)}. */
		public String describe() {
			String position = (this.total > 0) ? "[" + this.index + "/" + this.total + "] " : "";
			if (this.goal == null) {
				return position + this.module;
			}
			return position + this.module + ": " + this.phase + (this.phase.equals(this.goal) ? "" : " (" + this.goal + ")");
		}

	}

	/** The step {@code line} starts, or null when it is not one. */
	public Step read(String line) {
		String plain = strip(line);
		Matcher header = MODULE_HEADER.matcher(plain);
		if (header.matches()) {
			this.header = header.group(2);
			return null;
		}
		Matcher building = BUILDING.matcher(plain);
		if (this.header != null && building.matches()) {
			// only right after a module header: "Building jar: target/x.jar" (the jar plugin) is not a module
			this.artifact = this.header;
			this.header = null;
			if (building.group(3) != null) {
				this.index = Integer.parseInt(building.group(3));
				this.total = Integer.parseInt(building.group(4));
			}
			return new Step(this.artifact, this.index, this.total, null, null);
		}
		this.header = null;
		Matcher mojo = MOJO.matcher(plain);
		if (mojo.matches()) {
			String goal = shortName(mojo.group(1)) + ":" + mojo.group(3);
			return new Step(mojo.group(5), this.index, this.total, PHASES.getOrDefault(goal, goal), goal);
		}
		return null;
	}

	/** Whether {@code line} is one of Maven's error lines (what a failed build shows). */
	public static boolean isError(String line) {
		return strip(line).startsWith("[ERROR]");
	}

	/** {@code line} without ANSI escape sequences. */
	public static String strip(String line) {
		return (line.indexOf('\u001b') < 0) ? line : ANSI.matcher(line).replaceAll("");
	}

	/** {@code maven-compiler-plugin} and {@code compiler} are both {@code compiler}. */
	private static String shortName(String plugin) {
		String name = plugin.toLowerCase(Locale.ROOT);
		if (name.startsWith("maven-") && name.endsWith("-plugin")) {
			return name.substring("maven-".length(), name.length() - "-plugin".length());
		}
		if (name.endsWith("-maven-plugin")) {
			return name.substring(0, name.length() - "-maven-plugin".length());
		}
		return name;
	}

}
