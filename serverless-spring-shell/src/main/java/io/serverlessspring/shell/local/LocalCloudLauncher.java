package io.serverlessspring.shell.local;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.serverlessspring.local.LocalCloud;

/**
 * Starts the local cloud (serverless-local) for stages whose {@code serverless.deploy.endpoint} is
 * {@code local}, or finds the one already running, and returns its endpoint.
 *
 * <p>It runs as a background process of its own (state in {@code ~/.serverless-spring/local}) rather
 * than inside the console: a one-shot {@code deploy} exits, and the deployed app must keep answering
 * {@code curl} afterwards. {@code local stop} ends it.
 */
public class LocalCloudLauncher {

	/** The local cloud's heap when {@code SERVERLESS_LOCAL_HEAP} does not say: its functions run in JVMs of their own. */
	public static final String DEFAULT_HEAP = "512m";

	private final int port;

	private final Path home;

	private final String heap;

	public LocalCloudLauncher(int port, Path home) {
		this(port, home, DEFAULT_HEAP);
	}

	/** @param heap the cloud JVM's maximum heap, as {@code -Xmx} takes it ({@code 512m}, {@code 1g}) */
	public LocalCloudLauncher(int port, Path home, String heap) {
		if (heap == null || !heap.matches("[1-9]\\d*[kKmMgG]?")) {
			throw new IllegalArgumentException("SERVERLESS_LOCAL_HEAP must be a heap size such as 512m or 1g, was '" + heap + "'");
		}
		this.port = port;
		this.home = home;
		this.heap = heap;
	}

	/**
	 * The port from {@code SERVERLESS_LOCAL_PORT}, else 4566; state and log in
	 * {@code SERVERLESS_LOCAL_HOME}, else {@code ~/.serverless-spring/local}; the cloud's heap from
	 * {@code SERVERLESS_LOCAL_HEAP}, else {@value #DEFAULT_HEAP}.
	 */
	public static LocalCloudLauncher fromEnvironment() {
		String configured = System.getenv("SERVERLESS_LOCAL_PORT");
		int port = (configured != null && configured.matches("\\d{1,5}")) ? Integer.parseInt(configured)
				: LocalCloud.DEFAULT_PORT;
		String home = System.getenv("SERVERLESS_LOCAL_HOME");
		String heap = System.getenv("SERVERLESS_LOCAL_HEAP");
		return new LocalCloudLauncher(port, (home != null && !home.isBlank()) ? Path.of(home)
				: Path.of(System.getProperty("user.home"), ".serverless-spring", "local"),
				(heap != null && !heap.isBlank()) ? heap.trim() : DEFAULT_HEAP);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	public boolean isRunning() {
		try {
			HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/_local/health").toURL().openConnection();
			connection.setConnectTimeout(500);
			connection.setReadTimeout(2000);
			return connection.getResponseCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public URI ensureRunning(Consumer<String> progress) {
		if (isRunning()) {
			return endpoint();
		}
		Path log = this.home.resolve("local-cloud.log");
		Path state = this.home.resolve("state");
		progress.accept("Starting the local cloud on " + endpoint() + " (log: " + log + ") ...");
		long started = System.nanoTime();
		try {
			Files.createDirectories(state);
			List<String> command = new ArrayList<>();
			if (new File("/usr/bin/setsid").canExecute()) {
				// Its own session: it outlives this console and the terminal's job control.
				command.add("/usr/bin/setsid");
			}
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			// bounded: a long-running cloud must not grow to a quarter of the machine's memory
			command.add("-Xmx" + this.heap);
			command.addAll(launchArguments());
			command.add("--port");
			command.add(Integer.toString(this.port));
			command.add("--state-dir");
			command.add(state.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			Files.writeString(this.home.resolve("pid"), Long.toString(process.pid()), StandardCharsets.UTF_8);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!isRunning()) {
				if (!process.isAlive() && !isRunning()) {
					throw new IllegalStateException("The local cloud did not start (exit " + process.exitValue()
							+ "); see " + log + (this.port == LocalCloud.DEFAULT_PORT
									? " (is port 4566 taken? set SERVERLESS_LOCAL_PORT)" : ""));
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("The local cloud did not answer on " + endpoint() + " within 60 s; see " + log);
				}
				process.waitFor(100, TimeUnit.MILLISECONDS);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the local cloud: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the local cloud", ex);
		}
		progress.accept(String.format("Local cloud ready on %s in %.1f s", endpoint(), (System.nanoTime() - started) / 1e9));
		return endpoint();
	}

	/**
	 * Stops the local cloud this launcher started on its port; returns whether one was stopped. The
	 * process is found by its command line (LocalCloud's main with this port), since setsid may fork.
	 */
	public boolean stop() {
		String portArgument = "--port " + this.port;
		List<ProcessHandle> clouds = ProcessHandle.allProcesses()
			.filter(handle -> handle.info().commandLine().map(line -> line.contains(LocalCloud.class.getName())
					&& line.contains(portArgument) && line.contains(this.home.toString())).orElse(false))
			.toList();
		try {
			Files.deleteIfExists(this.home.resolve("pid"));
		}
		catch (IOException ex) {
			// only a hint file
		}
		for (ProcessHandle cloud : clouds) {
			cloud.descendants().forEach(ProcessHandle::destroy);
			cloud.destroy();
			try {
				cloud.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				cloud.destroyForcibly();
			}
		}
		return !clouds.isEmpty();
	}

	/** How to run {@link LocalCloud#main} from the console's own class path (a Boot jar or a plain one). */
	private static List<String> launchArguments() {
		String classPath = System.getProperty("java.class.path");
		// the launcher may run the console unpacked (a thin jar whose manifest lists lib/): no Boot loader then
		boolean bootJar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator) && ClassLoader
			.getSystemClassLoader()
			.getResource("org/springframework/boot/loader/launch/PropertiesLauncher.class") != null;
		if (bootJar) {
			return List.of("-cp", classPath, "-Dloader.main=" + LocalCloud.class.getName(),
					"org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		return List.of("-cp", classPath, LocalCloud.class.getName());
	}

}
