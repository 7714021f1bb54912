package io.serverlessspring.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.CloudSettings;
import io.serverlessspring.local.server.Dispatcher;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.OwnerOnlyFiles;
import io.serverlessspring.local.server.Persistent;

/**
 * A Docker-free local AWS on one port of 127.0.0.1: every service of {@link ServiceCatalog}, answering
 * the AWS SDKs and the AWS CLI pointed at {@link #endpoint()}, and running deployed functions.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start(0)) {          // 0: a free port
 *     LambdaClient lambda = LambdaClient.builder().endpointOverride(cloud.endpoint()) ... .build();
 * }
 * }</pre>
 *
 * From a shell: {@code java -jar serverless-local/target/serverless-local.jar --port 4566 [--state-dir DIR]}.
 */
public final class LocalCloud implements AutoCloseable {

	private static final System.Logger log = System.getLogger(LocalCloud.class.getName());

	/** The port LocalStack uses, so tools that know it find us. */
	public static final int DEFAULT_PORT = 4566;

	public static final String DEFAULT_REGION = "us-east-1";

	public static final String ACCOUNT_ID = "000000000000";

	private final HttpServer server;

	private final ExecutorService httpThreads;

	private final ScheduledExecutorService timers;

	private final List<AwsService> services;

	private final Dispatcher dispatcher;

	private final LocalContext context;

	private final Path stateDirectory;

	private final CountDownLatch closed = new CountDownLatch(1);

	private LocalCloud(HttpServer server, ExecutorService httpThreads, ScheduledExecutorService timers,
			List<AwsService> services, Dispatcher dispatcher, LocalContext context, Path stateDirectory) {
		this.server = server;
		this.httpThreads = httpThreads;
		this.timers = timers;
		this.services = services;
		this.dispatcher = dispatcher;
		this.context = context;
		this.stateDirectory = stateDirectory;
	}

	/** Starts an in-memory cloud on {@code port} (0: any free port) of 127.0.0.1. */
	public static LocalCloud start(int port) {
		return start(port, null);
	}

	/**
	 * Starts a cloud whose state is kept in {@code stateDirectory} (created if missing; null: memory
	 * only): loaded now, saved about once a second after changes and on {@link #close()}.
	 */
	public static LocalCloud start(int port, Path stateDirectory) {
		return start(port, stateDirectory, Clock.systemUTC());
	}

	/**
	 * As {@link #start(int, Path)}, with the clock that the services' timestamps (creation and
	 * modification dates) read: for tests that need known times.
	 */
	public static LocalCloud start(int port, Path stateDirectory, Clock clock) {
		return start(LocalCloudOptions.defaults().withPort(port).withStateDirectory(stateDirectory).withClock(clock));
	}

	/** Starts a cloud as {@code options} say (port, state directory, clock, strict auth). */
	public static LocalCloud start(LocalCloudOptions options) {
		int port = options.port();
		Path stateDirectory = options.stateDirectory();
		// small responses go out at once (no Nagle wait on the client's delayed ACK: ~40 ms per call)
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
		}
		if (stateDirectory != null) {
			try {
				OwnerOnlyFiles.directory(stateDirectory);
			}
			catch (IOException ex) {
				server.stop(0);
				throw new UncheckedIOException("Could not create the state directory " + stateDirectory, ex);
			}
		}
		URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		ExecutorService httpThreads = Executors.newCachedThreadPool(daemonThreads("local-cloud-http"));
		ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemonThreads("local-cloud-timer"));
		List<AwsService> services = ServiceCatalog.create();
		LocalContext context = new LocalContext(DEFAULT_REGION, ACCOUNT_ID, endpoint, stateDirectory, timers,
				services, options.clock(), options.settings());
		loadState(services, stateDirectory);
		services.forEach((service) -> service.start(context));
		Dispatcher dispatcher = new Dispatcher(services, DEFAULT_REGION, server.getAddress().getPort(), options.settings());
		LocalCloud cloud = new LocalCloud(server, httpThreads, timers, services, dispatcher, context, stateDirectory);
		server.createContext("/", dispatcher);
		server.setExecutor(httpThreads);
		server.start();
		if (stateDirectory != null) {
			timers.scheduleWithFixedDelay(cloud::saveChangedState, 1, 1, TimeUnit.SECONDS);
		}
		return cloud;
	}

	/** {@code http://127.0.0.1:<port>}: give it to {@code endpointOverride} or {@code --endpoint-url}. */
	public URI endpoint() {
		return this.context.endpoint();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String region() {
		return this.context.region();
	}

	public String accountId() {
		return this.context.accountId();
	}

	/** A service of this cloud by type, for in-process callers that need more than the wire API. */
	public <T> T service(Class<T> type) {
		return this.context.service(type);
	}

	/** The dispatcher, to answer requests without a socket (benchmarks). */
	public Dispatcher dispatcher() {
		return this.dispatcher;
	}

	/** Stops the port, the functions' environments and the timers; saves state when persistent. */
	@Override
	public void close() {
		if (this.closed.getCount() == 0) {
			return;
		}
		this.server.stop(0);
		this.timers.shutdownNow();
		for (AwsService service : this.services) {
			try {
				service.close();
			}
			catch (RuntimeException ex) {
				log.log(Level.WARNING, "Closing " + service.signingName() + " failed", ex);
			}
		}
		if (this.stateDirectory != null) {
			this.services.stream().filter(Persistent.class::isInstance).forEach(this::save);
		}
		this.httpThreads.shutdownNow();
		this.closed.countDown();
	}

	/** Blocks until {@link #close()} (for {@link #main}). */
	public void awaitClose() throws InterruptedException {
		this.closed.await();
	}

	private static void loadState(List<AwsService> services, Path stateDirectory) {
		if (stateDirectory == null) {
			return;
		}
		for (AwsService service : services) {
			if (service instanceof Persistent persistent) {
				Path file = stateFile(stateDirectory, service);
				if (Files.isRegularFile(file)) {
					try {
						persistent.loadState(Json.mapper().readTree(file.toFile()));
					}
					catch (RuntimeException ex) {
						throw new IllegalStateException("The saved state " + file + " could not be read: "
								+ ex.getMessage() + " (move it away to start empty)", ex);
					}
				}
			}
		}
	}

	private void saveChangedState() {
		this.dispatcher.drainChanged().forEach(this::save);
	}

	private void save(AwsService service) {
		Path file = stateFile(this.stateDirectory, service);
		Persistent persistent = (Persistent) service;
		try {
			OwnerOnlyFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(persistent.saveState()));
		}
		catch (IOException | RuntimeException ex) {
			log.log(Level.WARNING, "Could not save the state of " + service.signingName() + " to " + file, ex);
			return;
		}
		try {
			persistent.stateSaved();
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "Cleaning up after saving the state of " + service.signingName() + " failed", ex);
		}
	}

	private static Path stateFile(Path stateDirectory, AwsService service) {
		return stateDirectory.resolve(service.getClass().getSimpleName() + ".json");
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * {@code java -jar serverless-local.jar [--port N] [--state-dir DIR] [--strict-auth]}: runs until
	 * interrupted. With {@code --strict-auth}, signatures must verify against {@code AWS_ACCESS_KEY_ID} /
	 * {@code AWS_SECRET_ACCESS_KEY} of its environment (else {@code test}/{@code test}).
	 */
	public static void main(String[] args) throws InterruptedException {
		CommandLine commandLine;
		try {
			commandLine = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("serverless-local: " + ex.getMessage());
			System.err.println(CommandLine.USAGE);
			System.exit(2);
			return;
		}
		if (commandLine.help()) {
			System.out.println(CommandLine.USAGE);
			return;
		}
		long started = System.nanoTime();
		LocalCloudOptions options = LocalCloudOptions.defaults().withPort(commandLine.port())
			.withStateDirectory(commandLine.stateDirectory());
		if (commandLine.strictAuth()) {
			// the key pair the caller's own AWS tools use, else the dummies everyone uses locally
			String accessKeyId = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", CloudSettings.DEFAULT_KEY);
			String secretAccessKey = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", CloudSettings.DEFAULT_KEY);
			options = options.withStrictAuth(accessKeyId, secretAccessKey);
		}
		LocalCloud cloud = start(options);
		Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
		System.out.printf("Local cloud ready on %s in %d ms%s%s%n", cloud.endpoint(),
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), (commandLine.stateDirectory() != null)
						? " (state in " + commandLine.stateDirectory().toAbsolutePath() + ")" : "",
				commandLine.strictAuth() ? " (strict auth: signatures verified for access key "
						+ options.settings().accessKeyId() + ")" : "");
		cloud.awaitClose();
	}

	/** The command line of {@link #main}; a bad argument is an {@link IllegalArgumentException} naming it. */
	record CommandLine(int port, Path stateDirectory, boolean strictAuth, boolean help) {

		static final String USAGE = "usage: java -jar serverless-local.jar [--port N (default 4566, 0: any free port)] [--state-dir DIR]"
				+ " [--strict-auth (verify SigV4 signatures against AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, default test/test)]";

		static CommandLine parse(String... args) {
			int port = DEFAULT_PORT;
			Path stateDirectory = null;
			boolean strictAuth = false;
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--port" -> port = port(value(args, ++i, "--port"));
					case "--state-dir" -> stateDirectory = Path.of(value(args, ++i, "--state-dir"));
					case "--strict-auth" -> strictAuth = true;
					case "--help", "-h" -> {
						return new CommandLine(port, stateDirectory, strictAuth, true);
					}
					default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
				}
			}
			return new CommandLine(port, stateDirectory, strictAuth, false);
		}

		private static String value(String[] args, int index, String option) {
			if (index >= args.length || args[index].startsWith("--")) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[index];
		}

		private static int port(String text) {
			int port;
			try {
				port = Integer.parseInt(text);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--port must be a number, was '" + text + "'");
			}
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port must be between 0 and 65535, was " + text);
			}
			return port;
		}

	}

}
