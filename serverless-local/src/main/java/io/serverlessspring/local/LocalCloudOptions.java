package io.serverlessspring.local;

import java.nio.file.Path;
import java.time.Clock;

import io.serverlessspring.local.server.CloudSettings;

/**
 * How to start a {@link LocalCloud}: {@code LocalCloud.start(LocalCloudOptions.defaults().withPort(0)
 * .withStrictAuth("AKID", "secret"))}.
 *
 * @param port the port on 127.0.0.1 (0: any free port)
 * @param stateDirectory where state is kept (null: memory only)
 * @param clock the clock the services' timestamps read
 * @param settings the credentials given to functions and how signatures are checked
 */
public record LocalCloudOptions(int port, Path stateDirectory, Clock clock, CloudSettings settings) {

	public LocalCloudOptions {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
		if (clock == null) {
			throw new IllegalArgumentException("clock must not be null");
		}
		if (settings == null) {
			throw new IllegalArgumentException("settings must not be null");
		}
	}

	/** Port 4566, memory only, the system clock, any key pair accepted ({@code test}/{@code test} given to functions). */
	public static LocalCloudOptions defaults() {
		return new LocalCloudOptions(LocalCloud.DEFAULT_PORT, null, Clock.systemUTC(), CloudSettings.lenient());
	}

	public LocalCloudOptions withPort(int port) {
		return new LocalCloudOptions(port, this.stateDirectory, this.clock, this.settings);
	}

	public LocalCloudOptions withStateDirectory(Path stateDirectory) {
		return new LocalCloudOptions(this.port, stateDirectory, this.clock, this.settings);
	}

	public LocalCloudOptions withClock(Clock clock) {
		return new LocalCloudOptions(this.port, this.stateDirectory, clock, this.settings);
	}

	/** Only SigV4 signatures made with this key pair are accepted; functions get it as their credentials. */
	public LocalCloudOptions withStrictAuth(String accessKeyId, String secretAccessKey) {
		return new LocalCloudOptions(this.port, this.stateDirectory, this.clock, this.settings.withStrictAuth(accessKeyId, secretAccessKey));
	}

	/**
	 * At most this many function environments (JVMs) at once; a synchronous request beyond waits for
	 * one up to its function's timeout, then is throttled (429).
	 */
	public LocalCloudOptions withMaxEnvironments(int maxEnvironments) {
		return new LocalCloudOptions(this.port, this.stateDirectory, this.clock, this.settings.withMaxEnvironments(maxEnvironments));
	}

}
