package io.serverlessspring.shell.init;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** The region the AWS SDK would use: {@code AWS_REGION}, else the profile's, else {@code null}. */
public final class ProfileRegion {

	private ProfileRegion() {
	}

	public static String of(String profile) {
		try {
			DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
			if (profile != null && !profile.isBlank()) {
				chain.profileName(profile);
			}
			return chain.build().getRegion().id();
		}
		catch (SdkClientException | IllegalArgumentException ex) {
			return null;
		}
	}

}
