package io.serverlessspring.shell.init;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Whether the AWS SDK finds credentials (environment, profile, SSO, container or instance role). */
public final class AwsCredentials {

	private AwsCredentials() {
	}

	public static boolean found(String profile) {
		DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
		if (profile != null && !profile.isBlank()) {
			builder.profileName(profile);
		}
		try (DefaultCredentialsProvider provider = builder.build()) {
			provider.resolveCredentials();
			return true;
		}
		catch (SdkClientException | IllegalArgumentException ex) {
			return false;
		}
	}

}
