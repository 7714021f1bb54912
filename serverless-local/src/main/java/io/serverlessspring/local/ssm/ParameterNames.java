package io.serverlessspring.local.ssm;

import java.util.Locale;
import java.util.regex.Pattern;

import io.serverlessspring.local.server.AwsException;

/**
 * Parameter Store's naming rules, as AWS applies them: a plain name ({@code db-url}) or a hierarchy
 * starting with {@code /} ({@code /petstore/prod/db-url}) of at most 15 levels, made of
 * {@code a-zA-Z0-9_.-} and {@code /}, at most 2048 characters, not prefixed with {@code aws} or
 * {@code ssm} (AWS keeps those for itself). A one-level name is the same parameter with or without
 * its leading slash ({@code /db-url} = {@code db-url}), and a plain name lies under the root path.
 */
final class ParameterNames {

	static final int MAX_LENGTH = 2048;

	static final int MAX_LEVELS = 15;

	private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

	private static final String PREFIX_RULE = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). "
			+ "If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix "
			+ "of letters, numbers and the following 3 symbols .-_";

	private ParameterNames() {
	}

	/** Checks a name for PutParameter; a bad one is a ValidationException (or the hierarchy error) saying why. */
	static void validate(String name) {
		if (name.length() > MAX_LENGTH) {
			throw AwsException.validation("1 validation error detected: Value at 'name' failed to satisfy constraint: "
					+ "Member must have length less than or equal to " + MAX_LENGTH);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		String relative = lower.startsWith("/") ? lower.substring(1) : lower;
		if (lower.startsWith("/aws") && relative.contains("/")) {
			throw new AwsException(400, "AccessDeniedException", "No access to reserved parameter name: " + name + ".");
		}
		if (relative.startsWith("aws") || relative.startsWith("ssm")) {
			throw AwsException.validation(relative.contains("/") ? PREFIX_RULE
					: "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
		}
		if (!ALLOWED.matcher(name).matches() || name.contains("//") || name.endsWith("/")) {
			throw AwsException.validation(PREFIX_RULE);
		}
		if (!name.startsWith("/") && name.contains("/")) {
			throw AwsException.validation("Parameter name must be a fully qualified name.");
		}
		if (levels(name) > MAX_LEVELS) {
			throw AwsException.badRequest("HierarchyLevelLimitExceededException",
					"A hierarchy can have a maximum of 15 levels. For more information, see "
							+ "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html");
		}
	}

	/** Checks a path for GetParametersByPath / a Path filter: it starts with a slash, then the name rules. */
	static String validatePath(String path) {
		if (!path.startsWith("/") || path.contains("//") || !ALLOWED.matcher(path).matches()) {
			throw AwsException.validation("The parameter doesn't meet the parameter name requirements. The parameter name "
					+ "must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). "
					+ "It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). "
					+ "Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol \"/\". "
					+ "Valid example: /get/parameters2-/by1./path0_.");
		}
		if (levels(path) > MAX_LEVELS) {
			throw AwsException.badRequest("HierarchyLevelLimitExceededException",
					"A hierarchy can have a maximum of 15 levels.");
		}
		return path.endsWith("/") ? path : path + "/";
	}

	/** The key a parameter is stored under: one-level names lose their leading slash. */
	static String key(String name) {
		String stripped = name.startsWith("/") ? name.substring(1) : name;
		return stripped.contains("/") ? name : stripped;
	}

	/**
	 * Whether the parameter lies under {@code path} (ending with a slash): directly, or at any depth
	 * when recursive. A plain name lies directly under the root.
	 */
	static boolean isUnder(String name, String path, boolean recursive) {
		String absolute = name.startsWith("/") ? name : "/" + name;
		if (!absolute.startsWith(path) || absolute.length() == path.length()) {
			return false;
		}
		return recursive || absolute.indexOf('/', path.length()) < 0;
	}

	/** {@code arn:aws:ssm:<region>:<account>:parameter/<name without its leading slash>}. */
	static String arn(String region, String accountId, String name) {
		return "arn:aws:ssm:" + region + ":" + accountId + ":parameter/" + (name.startsWith("/") ? name.substring(1) : name);
	}

	/** A name or a parameter ARN as the name to look up ({@code parameter/a/b} is {@code /a/b}). */
	static String fromNameOrArn(String nameOrArn) {
		if (!nameOrArn.startsWith("arn:")) {
			return nameOrArn;
		}
		int marker = nameOrArn.indexOf(":parameter/");
		if (marker < 0) {
			throw AwsException.validation("Invalid parameter ARN: " + nameOrArn);
		}
		String relative = nameOrArn.substring(marker + ":parameter/".length());
		return relative.contains("/") ? "/" + relative : relative;
	}

	private static int levels(String name) {
		String relative = name.startsWith("/") ? name.substring(1) : name;
		return relative.split("/", -1).length;
	}

}
