package io.serverlessspring.boot.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How every resource of a stage is named, on both sides: the function writes schedule names into
 * its manifest and the console names what it creates, with this one rule. There is no local state
 * file, so every command finds a stage's resources again from the function name alone.
 * <p>
 * A name over its service's limit is cut and ends in a hash of the whole name, so two long names
 * that share a prefix never become equal when cut.
 */
public final class ResourceNames {

	/** The alias every front, schedule and event source points at. */
	public static final String ALIAS = "live";

	/** Longest IAM role, schedule, schedule group and rule name. */
	public static final int MAX_NAME = 64;

	/** Longest schedule name the app declares: room is left for the function prefix. */
	public static final int MAX_SCHEDULE_ID = 48;

	/** The keep-warm schedule's name inside the function's: {@code schedule(function, KEEP_WARM_SCHEDULE)}. */
	public static final String KEEP_WARM_SCHEDULE = "keep-warm";

	/** Name of the inline policy the console writes on the execution role. */
	public static final String POLICY_NAME = "serverless-least-privilege";

	/** ELBv2's limit on load balancer and target group names. */
	public static final int MAX_LOAD_BALANCER_NAME = 32;

	/**
	 * The Lambda layer holding apps' dependencies (one per account and region); each version is one
	 * dependency set, named by its content hash in the description ({@link #dependencyLayerDescription}).
	 */
	public static final String DEPENDENCY_LAYER = "serverless-spring-dependencies";

	private static final String DEPENDENCY_LAYER_MARKER = "serverless-spring dependencies sha256:";

	private static final int HASH_LENGTH = 8;

	private ResourceNames() {
	}

	/**
	 * {@code name} if it has at most {@code max} characters, else its first characters, a dash and
	 * the first 8 hex digits of the MD5 of the whole name (a name, not a secret): unique by construction.
	 */
	public static String bounded(String name, int max) {
		if (max <= HASH_LENGTH + 1) {
			throw new IllegalArgumentException("A bounded name needs more than " + (HASH_LENGTH + 1) + " characters");
		}
		if (name.length() <= max) {
			return name;
		}
		return name.substring(0, max - HASH_LENGTH - 1) + "-" + hash(name);
	}

	/** {@code [A-Za-z0-9._-]} only (others become {@code _}), bounded to {@link #MAX_SCHEDULE_ID}. */
	public static String scheduleId(String base) {
		return bounded(base.replaceAll("[^A-Za-z0-9._-]", "_"), MAX_SCHEDULE_ID);
	}

	public static String role(String function) {
		return bounded(function + "-role", MAX_NAME);
	}

	public static String schedulerRole(String function) {
		return bounded(function + "-scheduler", MAX_NAME);
	}

	public static String scheduleGroup(String function) {
		return bounded(function, MAX_NAME);
	}

	/** A schedule of the function: {@code <function>-<name>}, bounded to 64 characters. */
	public static String schedule(String function, String name) {
		return bounded(function + "-" + name, MAX_NAME);
	}

	/**
	 * The EventBridge rule of one event handler: {@code <function>-<handler id>}, characters a rule
	 * name may not hold ({@code [.-_A-Za-z0-9]} only) as {@code .}, bounded to 64.
	 */
	public static String eventRule(String function, String handlerId) {
		return bounded((function + "-" + handlerId).replaceAll("[^A-Za-z0-9._-]", "."), MAX_NAME);
	}

	public static String logGroup(String function) {
		return "/aws/lambda/" + function;
	}

	public static String codePrefix(String function) {
		return function + "/";
	}

	public static String codeKey(String function, String contentHash) {
		return codePrefix(function) + contentHash + ".zip";
	}

	/** Where a dependency layer's zip waits in the package bucket while its version is published. */
	public static String layerKey(String contentHash) {
		return DEPENDENCY_LAYER + "/" + contentHash + ".zip";
	}

	/** The description of the dependency layer version holding the dependency set with this content hash. */
	public static String dependencyLayerDescription(String contentHash) {
		return DEPENDENCY_LAYER_MARKER + contentHash;
	}

	/** The content hash a dependency layer version's description names, or {@code null} for another description. */
	public static String dependencyLayerHash(String description) {
		return (description != null && description.startsWith(DEPENDENCY_LAYER_MARKER))
				? description.substring(DEPENDENCY_LAYER_MARKER.length()) : null;
	}

	/** HTTP API and REST API name. */
	public static String api(String function) {
		return function;
	}

	/** The stage's WebSocket API: {@code <function>-websocket} (beside an HTTP API named {@link #api}). */
	public static String webSocketApi(String function) {
		return function + "-websocket";
	}

	/**
	 * Load balancer and target group name ({@code type: alb}): ELBv2 takes at most 32 letters, digits
	 * and dashes, so other characters become dashes and a longer name is bounded with a hash.
	 */
	public static String loadBalancer(String function) {
		return bounded(function.replaceAll("[^A-Za-z0-9-]", "-"), MAX_LOAD_BALANCER_NAME);
	}

	public static String defaultBucket(String account, String region) {
		return "serverless-spring-" + account + "-" + region;
	}

	/** Default name of the task resources (topic, queue, response table): {@code <function>-tasks}. */
	public static String taskResource(String function) {
		return function + "-tasks";
	}

	private static String hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is part of every Java runtime", ex);
		}
	}

}
