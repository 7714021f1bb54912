package io.serverlessspring.local.server;

/**
 * How a local cloud serves its callers: the access key pair it hands to functions (their own SDK
 * calls come back signed with it) and, with {@code strictAuth}, the only pair whose SigV4 signatures
 * it accepts (without strict auth any key pair is accepted: signatures are checked for shape only);
 * how many function environments (JVMs) may run at once.
 *
 * @param accessKeyId the access key id (default {@code test})
 * @param secretAccessKey the secret access key (default {@code test})
 * @param strictAuth whether signatures are verified against this pair
 * @param maxEnvironments function environments alive at once (default: system property
 * {@code serverless.local.lambda.max-environments}, else 4); requests beyond wait for one
 */
public record CloudSettings(String accessKeyId, String secretAccessKey, boolean strictAuth, int maxEnvironments) {

	public static final String DEFAULT_KEY = "test";

	public static final int DEFAULT_MAX_ENVIRONMENTS = 4;

	public CloudSettings {
		if (maxEnvironments < 1) {
			throw new IllegalArgumentException("maxEnvironments must be at least 1, was " + maxEnvironments);
		}
		if (accessKeyId == null || accessKeyId.isBlank()) {
			throw new IllegalArgumentException("accessKeyId must not be blank");
		}
		if (secretAccessKey == null || secretAccessKey.isEmpty()) {
			throw new IllegalArgumentException("secretAccessKey must not be empty");
		}
	}

	/** Dummy credentials {@code test}/{@code test}, any signature accepted: what tests and the console use. */
	public static CloudSettings lenient() {
		return new CloudSettings(DEFAULT_KEY, DEFAULT_KEY, false,
				Integer.getInteger("serverless.local.lambda.max-environments", DEFAULT_MAX_ENVIRONMENTS));
	}

	/** These settings with signatures verified against this key pair. */
	public CloudSettings withStrictAuth(String accessKeyId, String secretAccessKey) {
		return new CloudSettings(accessKeyId, secretAccessKey, true, this.maxEnvironments);
	}

	/** These settings with another cap on function environments. */
	public CloudSettings withMaxEnvironments(int maxEnvironments) {
		return new CloudSettings(this.accessKeyId, this.secretAccessKey, this.strictAuth, maxEnvironments);
	}

	@Override
	public String toString() {
		// never the secret
		return "CloudSettings[accessKeyId=" + this.accessKeyId + ", strictAuth=" + this.strictAuth + ", maxEnvironments="
				+ this.maxEnvironments + "]";
	}

}
