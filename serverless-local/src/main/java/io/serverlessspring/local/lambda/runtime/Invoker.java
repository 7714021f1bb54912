package io.serverlessspring.local.lambda.runtime;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.serverlessspring.local.cloudwatch.CloudWatchService;
import io.serverlessspring.local.logs.LogsService;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.LocalContext;

/**
 * Lambda's data plane: keeps execution environments per function version, reuses an idle one or
 * starts one per concurrent request (up to the function's reserved concurrency and the cloud's
 * limit), and queues {@code Event} invocations. A synchronous request over the cloud's limit waits
 * for an environment up to its function's timeout, then is throttled; over the function's reserved
 * concurrency it is throttled at once, as Lambda does.
 *
 * <p>Limits: the cloud's {@link io.serverlessspring.local.server.CloudSettings#maxEnvironments()}
 * (default 4: each is a JVM); system properties {@code serverless.local.lambda.init-timeout-seconds}
 * (default 10, Lambda's init limit),
 * {@code serverless.local.lambda.idle-seconds} (default 600: idle environments are stopped).
 */
public final class Invoker implements AutoCloseable {

	private static final System.Logger log = System.getLogger(Invoker.class.getName());

	static final long INIT_TIMEOUT_SECONDS = Long.getLong("serverless.local.lambda.init-timeout-seconds", 10);

	/**
	 * Lambda's limit on a synchronous invocation's payload (6 MB): every synchronous path (Invoke,
	 * HTTP API, REST API, function URL, event source mappings) is refused here, before an
	 * environment is taken.
	 */
	public static final int SYNC_PAYLOAD_LIMIT = 6_291_456;

	private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("serverless.local.lambda.idle-seconds", 600));

	private final LocalContext context;

	private final CodeAccess code;

	private final LogsService logs;

	private final Path workDirectory;

	private final ExecutorService threads;

	private final ExecutorService asyncInvocations;

	private final Map<String, Deque<ExecutionEnvironment>> idle = new HashMap<>();

	private final List<ExecutionEnvironment> busy = new ArrayList<>();

	private final int maxEnvironments;

	/** Synchronous requests waiting for an environment (over the cloud's limit). */
	private int waiting;

	private List<Path> runtimeJars;

	private boolean closed;

	/** How environments find their unpacked package (the code store, by key). */
	public interface CodeAccess {

		Path unpacked(String codeKey);

		/** The function's layers, unpacked, in its configuration's order. */
		default List<Path> layers(InvokedFunction target) {
			return List.of();
		}

	}

	public Invoker(LocalContext context, CodeAccess code, LogsService logs, Path workDirectory) {
		this.context = context;
		this.code = code;
		this.logs = logs;
		this.workDirectory = workDirectory;
		this.maxEnvironments = context.settings().maxEnvironments();
		this.threads = Executors.newCachedThreadPool(daemon("lambda-runtime"));
		this.asyncInvocations = Executors.newFixedThreadPool(this.maxEnvironments, daemon("lambda-async"));
		context.timers().scheduleWithFixedDelay(this::stopIdleEnvironments, 30, 30, TimeUnit.SECONDS);
	}

	/**
	 * A synchronous (RequestResponse) invocation. When the cloud's environments are all busy it waits
	 * for one up to the function's timeout, then is throttled with 429 {@code TooManyRequestsException};
	 * over the function's reserved concurrency it is throttled at once, as Lambda does. A payload over
	 * {@link #SYNC_PAYLOAD_LIMIT} is a 413 {@code RequestTooLargeException} and runs nothing.
	 */
	public RuntimeInvocationResult invoke(InvokedFunction target, byte[] payload, String clientContext) {
		if (payload.length > SYNC_PAYLOAD_LIMIT) {
			throw new AwsException(413, "RequestTooLargeException",
					"Request must be smaller than " + SYNC_PAYLOAD_LIMIT + " bytes for the InvokeFunction operation");
		}
		ExecutionEnvironment environment;
		try {
			environment = acquire(target, System.nanoTime() + TimeUnit.SECONDS.toNanos(target.timeoutSeconds()));
		}
		catch (AwsException throttled) {
			if (throttled.status() == 429) {
				metrics(target, null);
			}
			throw throttled;
		}
		return run(environment, payload, clientContext);
	}

	/**
	 * An asynchronous (Event) invocation: queued, run when an environment is free; {@code done}
	 * receives the outcome (null when it could not run at all).
	 */
	public void invokeAsync(InvokedFunction target, byte[] payload, java.util.function.Consumer<RuntimeInvocationResult> done) {
		this.asyncInvocations.execute(() -> {
			RuntimeInvocationResult result = null;
			try {
				ExecutionEnvironment environment = acquire(target, Long.MAX_VALUE);
				result = run(environment, payload, null);
				if (result.failed()) {
					log.log(Level.INFO, "Async invocation of " + target.functionName() + " failed: " + result.payloadText());
				}
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "Async invocation of " + target.functionName() + " failed", ex);
			}
			done.accept(result);
		});
	}

	/**
	 * Starts up to {@code count} environments for {@code target} ahead of requests (provisioned
	 * concurrency), within the cloud's limit; they wait, initialized, for their first event.
	 */
	public void prewarm(InvokedFunction target, int count) {
		this.asyncInvocations.execute(() -> {
			synchronized (this) {
				Deque<ExecutionEnvironment> free = this.idle.computeIfAbsent(target.environmentKey(), (k) -> new ArrayDeque<>());
				int existing = (int) free.stream().filter((e) -> !e.isDead()).count();
				for (int i = existing; i < count && this.busy.size() + idleCount() < this.maxEnvironments; i++) {
					free.push(new ExecutionEnvironment(target, this.code.unpacked(target.codeKey()), this.code.layers(target), runtimeJars(), this.logs,
							this.threads, this.context, outputDirectory(), true));
				}
			}
		});
	}

	private RuntimeInvocationResult run(ExecutionEnvironment environment, byte[] payload, String clientContext) {
		try {
			RuntimeInvocationResult result = environment.invoke(payload, clientContext);
			metrics(environment.target(), result);
			return result;
		}
		finally {
			release(environment);
		}
	}

	/** AWS/Lambda metrics (Invocations, Errors, Duration; Throttles when {@code result} is null). */
	private void metrics(InvokedFunction target, RuntimeInvocationResult result) {
		CloudWatchService cloudWatch;
		try {
			cloudWatch = this.context.service(CloudWatchService.class);
		}
		catch (IllegalStateException noMetrics) {
			return;
		}
		String[] arn = target.invokedArn().split(":");
		String qualifier = (arn.length > 7) ? arn[7] : null;
		cloudWatch.recordLambdaInvocation(target.functionName(), qualifier, (result != null) ? result.durationMillis() : 0,
				result != null && result.failed(), result == null);
	}

	/**
	 * An environment for {@code target}: an idle one, else a new one within the limits. Over the
	 * cloud's limit it waits until {@code deadlineNanos} ({@link Long#MAX_VALUE}: as long as it takes,
	 * for queued Event invocations); over the function's reserved concurrency a synchronous request is
	 * throttled at once.
	 */
	private synchronized ExecutionEnvironment acquire(InvokedFunction target, long deadlineNanos) {
		boolean synchronous = deadlineNanos != Long.MAX_VALUE;
		while (true) {
			if (this.closed) {
				throw new AwsException(503, "ServiceException", "The local cloud is shutting down");
			}
			long sameFunction = this.busy.stream().filter((e) -> e.target().functionName().equals(target.functionName())).count();
			Integer reserved = target.reservedConcurrency();
			boolean functionLimit = reserved != null && sameFunction >= reserved;
			Deque<ExecutionEnvironment> free = this.idle.get(target.environmentKey());
			while (!functionLimit && free != null && !free.isEmpty()) {
				ExecutionEnvironment environment = free.pop();
				if (!environment.isDead()) {
					this.busy.add(environment);
					return environment;
				}
			}
			int total = this.busy.size() + idleCount();
			if (!functionLimit && total >= this.maxEnvironments) {
				stopOneIdleEnvironment();
				total = this.busy.size() + idleCount();
			}
			if (!functionLimit && total < this.maxEnvironments) {
				ExecutionEnvironment environment = new ExecutionEnvironment(target, this.code.unpacked(target.codeKey()),
						this.code.layers(target), runtimeJars(), this.logs, this.threads, this.context,
						outputDirectory(), false);
				this.busy.add(environment);
				return environment;
			}
			long waitNanos = TimeUnit.SECONDS.toNanos(1);
			if (synchronous) {
				long remainingNanos = deadlineNanos - System.nanoTime();
				if (functionLimit || remainingNanos <= 0) {
					throw new AwsException(429, "TooManyRequestsException", "Rate Exceeded.");
				}
				waitNanos = Math.min(remainingNanos, waitNanos);
				this.waiting++;
			}
			try {
				// woken by release() and retire(); the timed wait bounds a missed notification
				TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AwsException(503, "ServiceException", "Interrupted while waiting for an environment");
			}
			finally {
				if (synchronous) {
					this.waiting--;
				}
			}
		}
	}

	private synchronized void release(ExecutionEnvironment environment) {
		this.busy.remove(environment);
		if (environment.isDead() || this.closed || environment.target().environmentKey() == null) {
			stopLater(environment);
		}
		else if (!environment.retired) {
			this.idle.computeIfAbsent(environment.target().environmentKey(), (k) -> new ArrayDeque<>()).push(environment);
		}
		else {
			stopLater(environment);
		}
		notifyAll();
	}

	/**
	 * Retires a function's environments (all versions when {@code version} is null): idle ones stop
	 * now, busy ones after their invocation. Called when code or configuration changes.
	 */
	public synchronized void retire(String functionName, String version) {
		for (var entry : this.idle.entrySet()) {
			entry.getValue().removeIf((environment) -> {
				if (matches(environment, functionName, version)) {
					stopLater(environment);
					return true;
				}
				return false;
			});
		}
		this.busy.stream().filter((e) -> matches(e, functionName, version)).forEach((e) -> e.retired = true);
		notifyAll();
	}

	/** The cloud's cap on environments alive at once. */
	public int maxEnvironments() {
		return this.maxEnvironments;
	}

	/** Synchronous requests waiting now for an environment, over the cloud's cap (tests, status). */
	public synchronized int waitingCount() {
		return this.waiting;
	}

	/** Environments alive now (busy or idle), for tests and the console's status. */
	public synchronized int environmentCount(String functionName) {
		int count = 0;
		for (Deque<ExecutionEnvironment> deque : this.idle.values()) {
			count += (int) deque.stream().filter((e) -> e.target().functionName().equals(functionName) && !e.isDead()).count();
		}
		return count + (int) this.busy.stream().filter((e) -> e.target().functionName().equals(functionName)).count();
	}

	/** The packages environments run now (busy or idle): not to be deleted under them. */
	public synchronized java.util.Set<String> codeKeysInUse() {
		java.util.Set<String> keys = new java.util.HashSet<>();
		this.busy.forEach((e) -> keys.add(e.target().codeKey()));
		this.idle.values().forEach((deque) -> deque.forEach((e) -> keys.add(e.target().codeKey())));
		return keys;
	}

	private static boolean matches(ExecutionEnvironment environment, String functionName, String version) {
		return environment.target().functionName().equals(functionName)
				&& (version == null || environment.target().version().equals(version));
	}

	private int idleCount() {
		return this.idle.values().stream().mapToInt(Deque::size).sum();
	}

	private void stopOneIdleEnvironment() {
		ExecutionEnvironment oldest = null;
		Deque<ExecutionEnvironment> from = null;
		for (Deque<ExecutionEnvironment> deque : this.idle.values()) {
			for (ExecutionEnvironment environment : deque) {
				if (oldest == null || environment.idleNanos() > oldest.idleNanos()) {
					oldest = environment;
					from = deque;
				}
			}
		}
		if (oldest != null) {
			from.remove(oldest);
			stopLater(oldest);
		}
	}

	private synchronized void stopIdleEnvironments() {
		for (Deque<ExecutionEnvironment> deque : this.idle.values()) {
			deque.removeIf((environment) -> {
				if (environment.isDead() || environment.idleNanos() > IDLE_NANOS) {
					stopLater(environment);
					return true;
				}
				return false;
			});
		}
	}

	private void stopLater(ExecutionEnvironment environment) {
		this.threads.execute(environment::close);
	}

	private Path outputDirectory() {
		Path directory = this.workDirectory.resolve("environments");
		try {
			java.nio.file.Files.createDirectories(directory);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Cannot create " + directory, ex);
		}
		return directory;
	}

	private synchronized List<Path> runtimeJars() {
		if (this.runtimeJars == null) {
			this.runtimeJars = RuntimeInterfaceClient.jars(this.workDirectory);
		}
		return this.runtimeJars;
	}

	@Override
	public void close() {
		List<ExecutionEnvironment> all = new ArrayList<>();
		synchronized (this) {
			this.closed = true;
			this.idle.values().forEach(all::addAll);
			this.idle.clear();
			all.addAll(this.busy);
			notifyAll();
		}
		all.forEach(ExecutionEnvironment::close);
		this.asyncInvocations.shutdownNow();
		this.threads.shutdownNow();
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
