package io.serverlessspring.shell.aws;

import java.net.URI;

/**
 * Where AWS calls go.
 *
 * @param region the region
 * @param endpoint an emulator's endpoint, or {@code null} for AWS itself
 * @param profile a named profile from the AWS config files, or {@code null} for the default chain
 */
public record AwsTarget(String region, URI endpoint, String profile) {

	/** Whether calls go to an emulator rather than AWS. */
	public boolean emulated() {
		return this.endpoint != null;
	}

}
