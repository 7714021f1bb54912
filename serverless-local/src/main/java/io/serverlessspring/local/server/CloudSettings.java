package io.serverlessspring.local.server;

/**
 * How a local cloud treats its callers: the access key pair it hands to functions (their own SDK
 * calls come back signed with it) and, with {@code strictAuth}, the only pair whose SigV4 signatures
 * it accepts. Without strict auth any key pair is accepted (signatures are checked for shape only).
 *
 * @param accessKeyId the access key id (default {@code test})
 * @param secretAccessKey the secret access key (default {@code test})
 * @param strictAuth whether signatures are verified against this pair
 */
public record CloudSettings(String accessKeyId, String secretAccessKey, boolean strictAuth) {

	public static final String DEFAULT_KEY = "test";

	public CloudSettings {
		if (accessKeyId == null || accessKeyId.isBlank()) {
			throw new IllegalArgumentException("accessKeyId must not be blank");
		}
		if (secretAccessKey == null || secretAccessKey.isEmpty()) {
			throw new IllegalArgumentException("secretAccessKey must not be empty");
		}
	}

	/** Dummy credentials {@code test}/{@code test}, any signature accepted: what tests and the console use. */
	public static CloudSettings lenient() {
		return new CloudSettings(DEFAULT_KEY, DEFAULT_KEY, false);
	}

	/** Signatures verified against this key pair. */
	public static CloudSettings strict(String accessKeyId, String secretAccessKey) {
		return new CloudSettings(accessKeyId, secretAccessKey, true);
	}

	@Override
	public String toString() {
		// never the secret
		return "CloudSettings[accessKeyId=" + this.accessKeyId + ", strictAuth=" + this.strictAuth + "]";
	}

}
