package io.serverlessspring.shell.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's one rule for what is a secret: a name (environment variable, setting, placeholder)
 * that looks like a password, secret, token, credential, private or API key. Whatever prints
 * values ({@code status}, {@code settings}) shows such values as {@link #MASK}.
 */
public final class SecretMask {

	/** What a masked value prints as. */
	public static final String MASK = "****";

	// "key" alone or as the last word (STRIPE_KEY, signing-key) but not kms-key-arn or api-keys.names.
	private static final Pattern SECRET = Pattern
		.compile("(?i).*(secret|password|passwd|token|credential|private|api[_-]?key|(^|[_.-])key$).*");

	private SecretMask() {
	}

	/** Whether a value under this name must not be printed. */
	public static boolean looksSecret(String name) {
		return name != null && SECRET.matcher(name).matches();
	}

	/** A copy of {@code environment} with the values of secret-looking names masked. */
	public static Map<String, Object> environment(Map<String, String> environment) {
		Map<String, Object> masked = new LinkedHashMap<>();
		environment.forEach((key, value) -> masked.put(key, looksSecret(key) ? MASK : value));
		return masked;
	}

}
