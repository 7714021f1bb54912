package io.serverlessspring.shell.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A function's environment is shared: deploy owns the variables it sets (listed in the reserved
 * variable {@value #OWNED_KEYS}), and keeps those set outside the tool (console, CLI, another tool),
 * as Zappa does. A variable deploy set before and no longer wants is removed.
 */
public final class ManagedEnvironment {

	/** The reserved variable listing, comma-separated, the variables deploy set. */
	public static final String OWNED_KEYS = "SERVERLESS_MANAGED_ENV";

	private ManagedEnvironment() {
	}

	/**
	 * The environment to write: the desired variables, the reserved list of them, and every current
	 * variable deploy never set. Before the list existed (a function deployed by an older console)
	 * only the console's own built-in variables count as owned.
	 */
	public static Map<String, String> merge(Map<String, String> desired, Map<String, String> current) {
		Set<String> ownedBefore = ownedKeys(current);
		Map<String, String> result = new LinkedHashMap<>();
		current.forEach((key, value) -> {
			if (!ownedBefore.contains(key) && !key.equals(OWNED_KEYS) && !desired.containsKey(key)) {
				result.put(key, value);
			}
		});
		result.putAll(desired);
		result.put(OWNED_KEYS, String.join(",", new TreeSet<>(desired.keySet())));
		return result;
	}

	/** The variables deploy set, as the function's reserved list says. */
	public static Set<String> ownedKeys(Map<String, String> current) {
		String list = current.get(OWNED_KEYS);
		if (list == null) {
			return current.keySet().stream().filter(ManagedEnvironment::builtIn).collect(Collectors.toSet());
		}
		return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
	}

	private static boolean builtIn(String key) {
		return key.startsWith("SERVERLESS_") || key.equals("SPRING_PROFILES_ACTIVE") || key.equals("JAVA_TOOL_OPTIONS");
	}

}
