package io.serverlessspring.shell.local;

import java.net.URI;
import java.util.function.Consumer;

/**
 * Makes sure the local cloud (serverless-local) runs for stages whose endpoint is {@code local},
 * and returns its endpoint.
 */
public class LocalCloudLauncher {

	public URI ensureRunning(Consumer<String> progress) {
		throw new IllegalStateException("The local cloud (serverless-local) is not available in this build yet.");
	}

}
