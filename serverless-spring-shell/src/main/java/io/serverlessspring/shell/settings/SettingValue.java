package io.serverlessspring.shell.settings;

/**
 * One resolved {@code serverless.*} value of a stage.
 *
 * @param name the key, e.g. {@code serverless.function.memory} or
 * {@code serverless.function.environment.DB_URL}
 * @param value the value as the stage sees it, {@link SecretMask#MASK} when it looks secret
 * @param origin where it came from: {@code application-prod.yml line 4}, the same with
 * {@code (extended stage dev)} for a value inherited through {@code serverless.stage.extends}, or
 * {@code default}
 */
public record SettingValue(String name, String value, String origin) {

	/** The origin of a value no file sets. */
	public static final String DEFAULT = "default";

}
