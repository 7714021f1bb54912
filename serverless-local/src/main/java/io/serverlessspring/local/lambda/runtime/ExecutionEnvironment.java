package io.serverlessspring.local.lambda.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.serverlessspring.local.logs.LogsService;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Json;

/**
 * One execution environment: a child JVM running the function's package under the real runtime
 * interface client, fed by its own {@link RuntimeApiServer}. Serves one invocation at a time and is
 * reused until its function changes, it fails fatally (timeout, crash, init error) or it idles out.
 * Its stdout/stderr go to the function's log group, one stream per environment, between Lambda's
 * START / END / REPORT lines.
 */
final class ExecutionEnvironment implements RuntimeApiServer.Listener, AutoCloseable {

	private static final System.Logger log = System.getLogger(ExecutionEnvironment.class.getName());

	private final InvokedFunction target;

	private final String id = UUID.randomUUID().toString().replace("-", "");

	private final String logStream;

	private final LogsService logs;

	private final RuntimeApiServer api;

	private final Process process;

	private final long startedNanos = System.nanoTime();

	private final CompletableFuture<Double> initialized = new CompletableFuture<>();

	private final Object lock = new Object();

	private final OutputTail output;

	/** The invocation in flight, or null. */
	private Pending current;

	private volatile boolean dead;

	/** Set when the function changed: the environment stops after its current invocation. */
	volatile boolean retired;

	private volatile long lastUsedNanos = System.nanoTime();

	private boolean reportedInit;

	private volatile String initFailure;

	private final class Pending {

		final String requestId;

		final CompletableFuture<RuntimeInvocationResult> result = new CompletableFuture<>();

		/** Completes when the runtime took the event: the function's timeout counts from there. */
		final CompletableFuture<Void> delivery = new CompletableFuture<>();

		final StringBuilder log = new StringBuilder();

		long deliveredNanos;

		Pending(String requestId) {
			this.requestId = requestId;
		}

	}

	ExecutionEnvironment(InvokedFunction target, Path packageDirectory, List<Path> layers, List<Path> runtimeJars, LogsService logs,
			ExecutorService threads, LocalContext cloud, Path outputDirectory, boolean provisioned) {
		this.target = target;
		// provisioned environments initialize ahead of requests: no Init Duration in their REPORT
		this.reportedInit = provisioned;
		this.logs = logs;
		this.logStream = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[" + target.version() + "]" + this.id;
		this.api = new RuntimeApiServer(threads, this);
		FunctionJvm.Choice jvm = FunctionJvm.installed().choose(target.runtime());
		ProcessBuilder builder = new ProcessBuilder(command(target, jvm, packageDirectory, layers, runtimeJars, provisioned));
		builder.directory(packageDirectory.toFile());
		Path outputFile = outputDirectory.resolve(this.id + ".log");
		builder.redirectErrorStream(true);
		builder.redirectOutput(outputFile.toFile());
		environment(builder.environment(), target, packageDirectory, cloud);
		// as Lambda sets it: a SnapStart version initialises for its snapshot
		builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE",
				snapStart(target) ? "snap-start" : provisioned ? "provisioned-concurrency" : "on-demand");
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			this.api.close();
			throw new UncheckedIOException("Could not start a JVM for " + target.functionName(), ex);
		}
		logLine("INIT_START Runtime Version: " + target.runtime() + ".local (JDK " + jvm.jdk().version()
				+ ")\tRuntime Version ARN: local");
		if (jvm.note() != null) {
			logLine("serverless-local: " + jvm.note());
		}
		this.output = new OutputTail(outputFile, this::output, threads);
		this.process.onExit().thenRun(this::exited);
	}

	private List<String> command(InvokedFunction target, FunctionJvm.Choice jvm, Path packageDirectory, List<Path> layers,
			List<Path> runtimeJars, boolean provisioned) {
		List<String> classPath = new ArrayList<>();
		classPath.add(packageDirectory.toString());
		classPath.add(packageDirectory.resolve("lib").toString() + File.separator + "*");
		// what Lambda's Java runtimes add from /opt: each layer's java/lib jars
		layers.forEach((layer) -> classPath.add(layer.resolve("java").resolve("lib").toString() + File.separator + "*"));
		runtimeJars.forEach((jar) -> classPath.add(jar.toString()));
		List<String> command = new ArrayList<>();
		command.add(jvm.jdk().java().toString());
		// what the managed Java runtimes do; a published SnapStart version keeps java25's full tiers
		command.addAll(FunctionJvm.options(target.runtime(), target.memoryMegabytes(),
				Json.stringMap(target.configuration().path("Environment"), "Variables").get("JAVA_TOOL_OPTIONS"),
				snapStart(target) || provisioned));
		command.addAll(FunctionJvm.nativeAccess(jvm.jdk().major()));
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath));
		command.add(RuntimeInterfaceClient.MAIN_CLASS);
		command.add(target.handler());
		return command;
	}

	/** A published version of a function with SnapStart on: Lambda restores it from a snapshot. */
	private static boolean snapStart(InvokedFunction target) {
		return !"$LATEST".equals(target.version())
				&& "PublishedVersions".equals(target.configuration().path("SnapStart").path("ApplyOn").asString());
	}

	private void environment(Map<String, String> env, InvokedFunction target, Path packageDirectory, LocalContext cloud) {
		String region = cloud.region();
		String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
		String libraryPath = env.get("LD_LIBRARY_PATH");
		env.clear(); // a function sees Lambda's variables, not the caller's
		env.put("PATH", path);
		if (libraryPath != null) {
			env.put("LD_LIBRARY_PATH", libraryPath);
		}
		Json.stringMap(target.configuration().path("Environment"), "Variables").forEach(env::put);
		env.put("LANG", "en_US.UTF-8");
		env.put("TZ", ":UTC");
		env.put("_HANDLER", target.handler());
		env.put("AWS_REGION", region);
		env.put("AWS_DEFAULT_REGION", region);
		env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + target.runtime());
		env.put("AWS_LAMBDA_FUNCTION_NAME", target.functionName());
		env.put("AWS_LAMBDA_FUNCTION_VERSION", target.version());
		env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(target.memoryMegabytes()));
		env.put("AWS_LAMBDA_LOG_GROUP_NAME", target.logGroup());
		env.put("AWS_LAMBDA_LOG_STREAM_NAME", this.logStream);
		env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
		env.put("AWS_LAMBDA_RUNTIME_API", this.api.address());
		env.put("LAMBDA_TASK_ROOT", packageDirectory.toString());
		env.put("LAMBDA_RUNTIME_DIR", packageDirectory.toString());
		// the cloud's key pair: the function's own SDK calls pass strict auth too
		env.put("AWS_ACCESS_KEY_ID", cloud.settings().accessKeyId());
		env.put("AWS_SECRET_ACCESS_KEY", cloud.settings().secretAccessKey());
		env.put("AWS_SESSION_TOKEN", "test");
		// the function's own AWS SDK calls come back to this local cloud
		env.put("AWS_ENDPOINT_URL", cloud.endpoint().toString());
	}

	InvokedFunction target() {
		return this.target;
	}

	boolean isDead() {
		return this.dead;
	}

	long idleNanos() {
		return System.nanoTime() - this.lastUsedNanos;
	}

	/**
	 * Runs one invocation and waits for its outcome: the response, the handler's error, an init
	 * error, a crash or the timeout (after which the environment is dead).
	 */
	RuntimeInvocationResult invoke(byte[] payload, String clientContext) {
		String requestId = UUID.randomUUID().toString();
		Pending pending = new Pending(requestId);
		int timeoutSeconds = this.target.timeoutSeconds();
		synchronized (this.lock) {
			if (this.dead) {
				return crashResult(pending, "Runtime exited before the invocation");
			}
			this.current = pending;
		}
		logLine("START RequestId: " + requestId + " Version: " + this.target.version(), pending);
		long initLimit = this.initialized.isDone() ? 0 : Invoker.INIT_TIMEOUT_SECONDS;
		this.api.offer(new RuntimeApiServer.Event(requestId, payload, TimeUnit.SECONDS.toMillis(timeoutSeconds),
				this.target.invokedArn(), "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
						+ requestId.replace("-", "").substring(0, 24) + ";Parent=" + requestId.substring(0, 16).replace("-", "0") + ";Sampled=0;Lineage=local",
				decodeClientContext(clientContext)));
		RuntimeInvocationResult result;
		try {
			// a cold environment first initializes (bounded by the init limit), then runs the handler
			CompletableFuture.anyOf(pending.delivery, pending.result).get(initLimit + timeoutSeconds, TimeUnit.SECONDS);
			result = pending.result.get(timeoutSeconds, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			result = timedOut(pending, timeoutSeconds);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result = crashResult(pending, "interrupted");
		}
		catch (ExecutionException ex) {
			result = crashResult(pending, String.valueOf(ex.getCause()));
		}
		this.lastUsedNanos = System.nanoTime();
		return result;
	}

	@Override
	public void nextRequested() {
		if (!this.initialized.isDone()) {
			this.initialized.complete((System.nanoTime() - this.startedNanos) / 1e6);
		}
	}

	@Override
	public void delivered(String requestId) {
		synchronized (this.lock) {
			if (this.current != null && this.current.requestId.equals(requestId)) {
				this.current.deliveredNanos = System.nanoTime();
				this.current.delivery.complete(null);
			}
		}
	}

	@Override
	public void responded(String requestId, byte[] body) {
		finish(requestId, body, null);
	}

	@Override
	public void failed(String requestId, byte[] body, String errorType) {
		finish(requestId, body, "Unhandled");
	}

	@Override
	public void initFailed(byte[] body, String errorType) {
		this.initFailure = new String(body, StandardCharsets.UTF_8);
		this.initialized.complete(-1.0);
		Pending pending;
		synchronized (this.lock) {
			this.dead = true;
			pending = this.current;
		}
		if (pending != null) {
			finish(pending.requestId, body, "Unhandled");
		}
		this.process.destroy();
	}

	private void finish(String requestId, byte[] body, String functionError) {
		// what the handler printed before answering belongs before END
		this.output.drain();
		Pending pending;
		synchronized (this.lock) {
			pending = this.current;
			if (pending == null || !pending.requestId.equals(requestId)) {
				return;
			}
			this.current = null;
		}
		long end = System.nanoTime();
		double duration = (pending.deliveredNanos == 0) ? 0 : (end - pending.deliveredNanos) / 1e6;
		report(pending, duration);
		pending.result.complete(new RuntimeInvocationResult(body, functionError, pending.log.toString(), duration));
	}

	private RuntimeInvocationResult timedOut(Pending pending, int timeoutSeconds) {
		synchronized (this.lock) {
			this.current = null;
			this.dead = true;
		}
		this.process.destroyForcibly();
		String message = String.format(Locale.ROOT, "Task timed out after %d.00 seconds", timeoutSeconds);
		logLine(java.time.Instant.now() + " " + pending.requestId + " " + message, pending);
		report(pending, timeoutSeconds * 1000.0);
		byte[] body = ("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: " + pending.requestId
				+ " Error: " + message + "\"}").getBytes(StandardCharsets.UTF_8);
		return new RuntimeInvocationResult(body, "Unhandled", pending.log.toString(), timeoutSeconds * 1000.0);
	}

	private RuntimeInvocationResult crashResult(Pending pending, String why) {
		report(pending, 0);
		byte[] body = ("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + pending.requestId
				+ " Error: " + why.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
		return new RuntimeInvocationResult(body, "Unhandled", pending.log.toString(), 0);
	}

	private void exited() {
		this.output.drain();
		Pending pending;
		synchronized (this.lock) {
			this.dead = true;
			pending = this.current;
			this.current = null;
		}
		this.api.close();
		if (pending != null) {
			byte[] body = (this.initFailure != null) ? this.initFailure.getBytes(StandardCharsets.UTF_8) : null;
			if (body != null) {
				pending.result.complete(new RuntimeInvocationResult(body, "Unhandled", pending.log.toString(), 0));
			}
			else {
				pending.result.complete(crashResult(pending, "Runtime exited with error: exit status " + this.process.exitValue()));
			}
		}
	}

	private void report(Pending pending, double durationMillis) {
		logLine("END RequestId: " + pending.requestId, pending);
		StringBuilder report = new StringBuilder("REPORT RequestId: ").append(pending.requestId)
			.append(String.format(Locale.ROOT, "\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB\tMax Memory Used: %d MB",
					durationMillis, (long) Math.ceil(durationMillis), this.target.memoryMegabytes(), maxMemoryUsedMegabytes()));
		synchronized (this.lock) {
			if (!this.reportedInit && this.initialized.isDone() && this.initialized.getNow(-1.0) >= 0) {
				report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", this.initialized.getNow(0.0)));
				this.reportedInit = true;
			}
		}
		report.append('\t');
		logLine(report.toString(), pending);
	}

	/** Peak resident memory of the JVM (Linux {@code VmHWM}); 0 where unknown. */
	private long maxMemoryUsedMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process is gone
		}
		return 0;
	}

	/** A line the function printed: part of the invocation in flight, if any. */
	private void output(String line) {
		Pending pending;
		synchronized (this.lock) {
			pending = this.current;
		}
		logLine(line, pending);
	}

	private void logLine(String line) {
		logLine(line, null);
	}

	private void logLine(String line, Pending pending) {
		if (pending != null) {
			synchronized (pending.log) {
				pending.log.append(line).append('\n');
			}
		}
		this.logs.append(this.target.logGroup(), this.logStream, List.of(line));
	}

	private static String decodeClientContext(String base64) {
		if (base64 == null) {
			return null;
		}
		try {
			return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.dead = true;
		this.process.destroy();
		try {
			if (!this.process.waitFor(2, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		this.api.close();
		this.output.close();
	}

}
