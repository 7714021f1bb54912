package io.serverlessspring.shell.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The console's one rule for what is a secret: a name (environment variable, setting, placeholder)
 * containing PASSWORD, PASSWD, SECRET, TOKEN, KEY, CREDENTIAL, PRIVATE, AUTH, SIGNATURE or SESSION,
 * in any case. Whatever prints
 * values ({@code status}, {@code settings}) shows such values as {@link #MASK}.
 */
public final class SecretMask {

	/** What a masked value prints as. */
	public static final String MASK = "****";

	// Over-masking a key ARN costs a glance; printing a password cannot be undone.
	private static final Pattern SECRET = Pattern
		.compile("(?i).*(password|passwd|secret|token|key|credential|private|auth|signature|session).*");

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
