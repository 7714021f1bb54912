package io.serverlessspring.shell.plan;

import java.util.Objects;

import io.serverlessspring.shell.settings.SecretMask;

/**
 * One field of a resource that a change sets: its value before (as found; {@code null} when the
 * resource is new) and after. Values of secrets are masked when the change is made, so no
 * printout or JSON of a plan ever holds them.
 */
public record FieldChange(String name, Object before, Object after) {

	/** Shown instead of a secret's value. */
	public static final String MASK = "****";

	public static FieldChange of(String name, Object before, Object after) {
		return new FieldChange(name, before, after);
	}

	/** An environment variable: its values masked when its name looks like a secret's. */
	public static FieldChange environment(String variable, String before, String after) {
		boolean secret = looksSecret(variable);
		return new FieldChange("environment." + variable, (secret && before != null) ? MASK : before,
				(secret && after != null) ? MASK : after);
	}

	/** Whether a variable's name says it holds a secret: the rule status and template use too. */
	public static boolean looksSecret(String name) {
		return SecretMask.looksSecret(name);
	}

	/** {@code memory 512 -> 1024}; {@code none} for an absent value. */
	public String describe() {
		return this.name + " " + display(this.before) + " -> " + display(this.after);
	}

	private static String display(Object value) {
		return (value == null || "".equals(value)) ? "none" : value.toString();
	}

	public boolean changed() {
		return !Objects.equals(this.before, this.after);
	}

}
