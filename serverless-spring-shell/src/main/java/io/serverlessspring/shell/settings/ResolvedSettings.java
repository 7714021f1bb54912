package io.serverlessspring.shell.settings;

import java.util.List;

/**
 * A stage's settings with every value they resolve to and where each came from (what
 * {@code settings STAGE} prints).
 *
 * @param settings the stage's settings (profiles and files read included)
 * @param values every {@code serverless.*} value with a value, by name, secrets masked
 */
public record ResolvedSettings(StageSettings settings, List<SettingValue> values) {

	public ResolvedSettings {
		values = List.copyOf(values);
	}

}
