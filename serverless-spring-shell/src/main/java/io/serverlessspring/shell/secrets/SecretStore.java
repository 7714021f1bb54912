package io.serverlessspring.shell.secrets;

import java.util.Arrays;
import java.util.Locale;

import io.serverlessspring.shell.settings.SettingsException;

/** Where {@code secrets set} keeps a value. */
public enum SecretStore {

	/** An SSM Parameter Store {@code SecureString} (the default: free, and read by {@code aws-parameterstore:}). */
	PARAMETER_STORE("parameter-store"),

	/** A Secrets Manager secret (rotation, cross-account sharing; read by {@code aws-secretsmanager:}). */
	SECRETS_MANAGER("secrets-manager");

	private final String id;

	SecretStore(String id) {
		this.id = id;
	}

	/** How the store is written on the command line and in {@code --json}. */
	public String id() {
		return this.id;
	}

	/** {@code --store VALUE}; blank is the default, Parameter Store. */
	public static SecretStore of(String value) {
		if (value == null || value.isBlank()) {
			return PARAMETER_STORE;
		}
		String wanted = value.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(store -> store.id.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new SettingsException("--store takes parameter-store or secrets-manager, not '" + value + "'."));
	}

}
