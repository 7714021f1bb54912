package io.serverlessspring.shell.settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code serverless.*} keys the configuration processor documented in
 * {@code serverless-spring-boot-autoconfigure}: the one list of what a settings file may say.
 */
public final class SettingsMetadata {

	private Map<String, String> types;

	private SettingsMetadata() {
	}

	/**
	 * The keys of every {@code META-INF/spring-configuration-metadata.json} on the console's class path,
	 * read at the first question: a command that never checks a settings file (--help) starts without
	 * JSON parsing.
	 */
	public static SettingsMetadata load() {
		return new SettingsMetadata();
	}

	private synchronized Map<String, String> known() {
		if (this.types == null) {
			this.types = read();
		}
		return this.types;
	}

	private static Map<String, String> read() {
		Map<String, String> types = new LinkedHashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		try {
			Enumeration<URL> resources = SettingsMetadata.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			for (URL url : Collections.list(resources)) {
				try (InputStream in = url.openStream()) {
					JsonNode root = mapper.readTree(in);
					for (JsonNode property : root.path("properties")) {
						String name = property.path("name").asString();
						if (name.startsWith("serverless.")) {
							types.put(name, property.path("type").asString(""));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read configuration metadata: " + ex.getMessage(), ex);
		}
		return types;
	}

	/** Whether {@code key} (in canonical form, list indexes removed) is a documented key or inside a map/list one. */
	public boolean isKnown(String key) {
		String canonical = canonical(key);
		for (Map.Entry<String, String> entry : known().entrySet()) {
			String known = canonical(entry.getKey());
			if (known.equals(canonical)) {
				return true;
			}
			String type = entry.getValue();
			boolean container = type.startsWith("java.util.Map") || type.startsWith("java.util.List")
					|| type.startsWith("java.util.Set");
			if (container && canonical.startsWith(known + ".")) {
				return true;
			}
		}
		return false;
	}

	/** The documented keys closest to an unknown one (same group first), for "did you mean". */
	public List<String> suggestions(String key) {
		String canonical = canonical(key);
		List<String> result = new ArrayList<>();
		int best = Integer.MAX_VALUE;
		for (String known : known().keySet()) {
			int distance = distance(canonical, canonical(known));
			if (distance < best) {
				best = distance;
				result.clear();
			}
			if (distance == best) {
				result.add(known);
			}
		}
		return (best <= Math.max(3, canonical.length() / 4)) ? result : List.of();
	}

	/** The documented keys of one group, e.g. {@code serverless.function}. */
	public List<String> keysUnder(String prefix) {
		List<String> result = new ArrayList<>();
		for (String known : known().keySet()) {
			if (known.startsWith(prefix + ".")) {
				result.add(known);
			}
		}
		return result;
	}

	public Map<String, String> types() {
		return Collections.unmodifiableMap(known());
	}

	/** Relaxed-binding canonical form: lower case, no dashes or underscores, list indexes dropped. */
	static String canonical(String key) {
		return key.replaceAll("\\[[^]]*]", "").replace("-", "").replace("_", "").toLowerCase();
	}

	/** Edit distance, for "did you mean". */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
