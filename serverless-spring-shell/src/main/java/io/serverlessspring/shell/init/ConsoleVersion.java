package io.serverlessspring.shell.init;

import io.serverlessspring.boot.settings.ServerlessProperties;

/** The version of Serverless Spring this console belongs to: the starter version init writes. */
public final class ConsoleVersion {

	private ConsoleVersion() {
	}

	/** From the jars' manifests; {@code null} when running from unpackaged classes. */
	public static String current() {
		String own = ConsoleVersion.class.getPackage().getImplementationVersion();
		return (own != null) ? own : ServerlessProperties.class.getPackage().getImplementationVersion();
	}

}
