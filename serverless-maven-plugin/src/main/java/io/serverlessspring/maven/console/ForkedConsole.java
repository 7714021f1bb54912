package io.serverlessspring.maven.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the console as {@code ./serverless} does, in a JVM of its own:
 * {@code java <jvm options> -jar <console jar> <command line>}.
 *
 * <p>A JVM of its own because Spring Boot and Spring Shell inside Maven's class loaders would meet
 * Maven's own SLF4J, Guice and system properties. The child inherits Maven's environment
 * ({@code AWS_*}, {@code SERVERLESS_LOCAL_PORT}, {@code SERVERLESS_LOCAL_HOME} …) plus any extra
 * variables given, and stopping Maven stops it and what it started, but the local cloud, which
 * outlives a console by design.
 */
public final class ForkedConsole {

	/** The local cloud's main class: a console starts it to outlive the console, so it is not stopped with it. */
	static final String LOCAL_CLOUD_MAIN_CLASS = "io.serverlessspring.local.LocalCloud";

	/** What {@code ./serverless} uses: a short-lived CLI starts fastest with C1 and the serial collector. */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/** Tells the console a goal runs it, so its hints name goal properties ({@code -Dserverless.args=--verbose}), not options. */
	static final String INVOKER_MARKER = "-Dserverless.invoker=maven";

	/** How many of the last output lines are kept to find the console's error message. */
	private static final int KEPT_LINES = 40;

	/** How long the console gets to stop what it started (its Maven build) before it is killed. */
	private static final long STOP_GRACE_SECONDS = 10;

	private final Path java;

	private final Path consoleJar;

	private final List<String> jvmOptions;

	private final Path workingDirectory;

	private final Map<String, String> environment;

	public ForkedConsole(Path java, Path consoleJar, List<String> jvmOptions, Path workingDirectory,
			Map<String, String> environment) {
		this.java = java;
		this.consoleJar = consoleJar;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.workingDirectory = workingDirectory;
		this.environment = new LinkedHashMap<>(environment);
	}

	/** The {@code java} of the JVM running Maven. */
	public static Path currentJava() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** The process's command: java, JVM options, the invoker marker, the console jar, the console's words. */
	public List<String> command(List<String> consoleWords) {
		List<String> command = new ArrayList<>();
		command.add(this.java.toString());
		command.addAll(this.jvmOptions);
		command.add(INVOKER_MARKER);
		command.add("-jar");
		command.add(this.consoleJar.toString());
		command.addAll(consoleWords);
		return command;
	}

	/**
	 * Runs one command without a terminal: no input (goals never prompt: they pass {@code --yes}),
	 * each output line (standard output and error) to {@code output} as it comes.
	 */
	public ConsoleExit run(List<String> consoleWords, Consumer<String> output) throws IOException, InterruptedException {
		ProcessBuilder builder = processBuilder(consoleWords).redirectErrorStream(true);
		Process process = builder.start();
		process.getOutputStream().close();
		Deque<String> last = new ArrayDeque<>();
		int exit = supervised(process, () -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.accept(line);
					last.addLast(line);
					if (last.size() > KEPT_LINES) {
						last.removeFirst();
					}
				}
			}
		});
		return new ConsoleExit(exit, List.copyOf(last));
	}

	/** Runs the console on Maven's own terminal (the {@code serverless>} prompt, or a command that may ask). */
	public int runOnTerminal(List<String> consoleWords) throws IOException, InterruptedException {
		Process process = processBuilder(consoleWords).inheritIO().start();
		return supervised(process, () -> {
		});
	}

	private ProcessBuilder processBuilder(List<String> consoleWords) {
		ProcessBuilder builder = new ProcessBuilder(command(consoleWords)).directory(this.workingDirectory.toFile());
		builder.environment().putAll(this.environment);
		return builder;
	}

	/** Waits for the console while a shutdown hook stands ready to stop it with Maven (Ctrl-C, TERM). */
	private static int supervised(Process process, OutputPump pump) throws IOException, InterruptedException {
		Thread stopper = new Thread(() -> stop(process.toHandle()), "serverless-console-stopper");
		Runtime.getRuntime().addShutdownHook(stopper);
		try {
			pump.run();
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			stop(process.toHandle());
			throw ex;
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(stopper);
			}
			catch (IllegalStateException shuttingDown) {
				// Maven is stopping: the hook runs.
			}
		}
	}

	/**
	 * Stops a console and every process it started (its Maven build, a manifest JVM), asking first
	 * (TERM, so the console stops its build itself), then forcing. A local cloud and the functions it
	 * runs are left running: the cloud is meant to outlive the console, as when {@code ./serverless} is stopped.
	 */
	static void stop(ProcessHandle console) {
		Set<ProcessHandle> spared = new HashSet<>();
		console.descendants().filter(ForkedConsole::isLocalCloud).forEach(cloud -> {
			spared.add(cloud);
			cloud.descendants().forEach(spared::add);
		});
		List<ProcessHandle> tree = new ArrayList<>();
		tree.add(console);
		console.descendants().filter(process -> !spared.contains(process)).forEach(tree::add);
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle process : tree) {
			try {
				process.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
			}
			catch (Exception notStopped) {
				process.destroyForcibly();
			}
		}
	}

	private static boolean isLocalCloud(ProcessHandle process) {
		return process.info().commandLine().map(line -> line.contains(LOCAL_CLOUD_MAIN_CLASS)).orElse(false);
	}

	@FunctionalInterface
	private interface OutputPump {

		void run() throws IOException;

	}

}
