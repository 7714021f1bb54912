package io.serverlessspring.shell.settings;

import java.util.regex.Pattern;

/**
 * Which environment variables hold secrets, by name: {@code status} masks their values and
 * {@code template} turns them into {@code NoEcho} parameters. One rule for both, so what one hides
 * the other never prints.
 */
public final class SecretVariables {

	/** Names containing SECRET, PASSWORD (or PASSWD), TOKEN, CREDENTIAL, PRIVATE or KEY, in any case. */
	private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|passwd|token|credential|private|key).*");

	private SecretVariables() {
	}

	public static boolean isSecret(String name) {
		return name != null && SECRET.matcher(name).matches();
	}

}
