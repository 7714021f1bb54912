package io.serverlessspring.shell.secrets;

import java.util.regex.Pattern;

import io.serverlessspring.shell.settings.SettingsException;
import io.serverlessspring.shell.settings.StageSettings;

/**
 * Where a stage's secrets live, one convention for both stores and for the function's imports:
 * the parameter {@code /<application>/<stage>/<NAME>} (imported by
 * {@code aws-parameterstore:/<application>/<stage>/}, property {@code NAME}) and the secret
 * {@code <application>/<stage>/<NAME>} (imported by {@code aws-secretsmanager:<application>/<stage>/<NAME>},
 * a plain-text secret becoming property {@code NAME}). {@code ConfigImportGrants} grants the role
 * exactly those paths and secrets.
 *
 * @param application {@code spring.application.name} (else the project folder's name)
 * @param stage the stage
 */
public record SecretLocations(String application, String stage) {

	// A property name: no '/', so each secret is one level under the stage's path.
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

	public static SecretLocations of(StageSettings settings) {
		return new SecretLocations(settings.applicationName(), settings.stage());
	}

	/** {@code /petstore/prod/}: what {@code aws-parameterstore:} imports. */
	public String parameterPath() {
		return "/" + this.application + "/" + this.stage + "/";
	}

	/** {@code petstore/prod/}: the prefix of the stage's secret names. */
	public String secretPrefix() {
		return this.application + "/" + this.stage + "/";
	}

	public String parameter(String name) {
		return parameterPath() + checked(name);
	}

	public String secret(String name) {
		return secretPrefix() + checked(name);
	}

	/** The {@code spring.config.import} entry that reads {@code name} from {@code store}. */
	public String importEntry(SecretStore store, String name) {
		return (store == SecretStore.PARAMETER_STORE) ? "aws-parameterstore:" + parameterPath()
				: "aws-secretsmanager:" + secret(name);
	}

	/** A secret's name is the property the app reads: letters, digits, {@code . _ -}, no {@code /}. */
	public static String checked(String name) {
		if (name == null || name.isBlank()) {
			throw new SettingsException("No secret name given: e.g. 'secrets set prod db.password'.");
		}
		if (!NAME.matcher(name).matches()) {
			throw new SettingsException("Secret name '" + name
					+ "' is not a property name: use letters, digits, '.', '_' and '-' (no '/'), at most 200 characters,"
					+ " e.g. db.password.");
		}
		return name;
	}

}
