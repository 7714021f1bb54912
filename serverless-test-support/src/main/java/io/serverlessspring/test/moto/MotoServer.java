package io.serverlessspring.test.moto;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;

/**
 * A moto server (the Python AWS emulator) on a free port of 127.0.0.1, one per test JVM.
 *
 * <p>Started on first use, configured as AWS-EMULATORS.md says (managed IAM policies loaded,
 * Lambda without Docker; SnapStart kept as Lambda keeps it, which moto 5 does not: see
 * {@code moto_server.py}), stopped when the JVM exits. Tests call {@link #reset()} for a clean
 * account. Where moto is not installed, {@link #shared()} fails the test with how to install it.
 */
public final class MotoServer {

	private static MotoServer shared;

	private final Process process;

	private final URI endpoint;

	private MotoServer(Process process, URI endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	/** The JVM's moto server, started on first call. */
	public static synchronized MotoServer shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	/** Skips (rather than fails) the calling test when moto is not installed. */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(isInstalled(), "moto is not installed (python3 -m moto.server)");
	}

	public static boolean isInstalled() {
		try {
			Process probe = new ProcessBuilder(python(), "-c", "import moto.server").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return probe.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The endpoint to give the AWS SDK's {@code endpointOverride}. */
	public URI endpoint() {
		return this.endpoint;
	}

	/** Forgets every resource in every service. */
	public void reset() {
		post("/moto-api/reset", "");
		configureLambdaWithoutDocker();
	}

	private static MotoServer start() {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(python(), serverScript().toString(), "-H", "127.0.0.1", "-p",
				Integer.toString(port));
		builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
		builder.redirectErrorStream(true);
		builder.redirectOutput(new File(System.getProperty("java.io.tmpdir"), "moto-" + port + ".log"));
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start moto (python3 -m moto.server): " + ex.getMessage()
					+ ". Install it with: pip install 'moto[server]'", ex);
		}
		MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
		server.awaitUp(Duration.ofSeconds(60));
		server.configureLambdaWithoutDocker();
		return server;
	}

	/** moto.server behind {@code moto_server.py}, which keeps the SnapStart setting moto drops. */
	private static Path serverScript() {
		try (InputStream script = MotoServer.class.getResourceAsStream("moto_server.py")) {
			Path file = Files.createTempFile("moto-server", ".py");
			file.toFile().deleteOnExit();
			Files.copy(script, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write moto's start script", ex);
		}
	}

	private void configureLambdaWithoutDocker() {
		post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
	}

	private void awaitUp(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("moto exited with code " + this.process.exitValue()
						+ "; is moto installed? pip install 'moto[server]'");
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) this.endpoint.resolve("/moto-api/data.json")
					.toURL()
					.openConnection();
				connection.setConnectTimeout(500);
				if (connection.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			try {
				this.process.waitFor(Duration.ofMillis(100).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("moto did not answer on " + this.endpoint + " within " + timeout);
	}

	private void post(String path, String body) {
		try {
			HttpURLConnection connection = (HttpURLConnection) this.endpoint.resolve(path).toURL().openConnection();
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
			int status = connection.getResponseCode();
			if (status >= 300) {
				throw new IllegalStateException("moto " + path + " answered " + status);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("moto " + path + " failed: " + ex.getMessage(), ex);
		}
	}

	private static String python() {
		String configured = System.getenv("MOTO_PYTHON");
		return (configured != null) ? configured : "python3";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
