package io.serverlessspring.local.ssm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * The parameters of one account and region: every version of each (AWS keeps the last 100), and
 * their tags, by {@link ParameterNames#key key}. Not thread-safe: {@link SsmService} serialises calls.
 */
final class ParameterStore {

	static final int MAX_VERSIONS = 100;

	/** Sorted by key, so that listings come in a stable order and pages follow each other. */
	private final TreeMap<String, List<ParameterVersion>> parameters = new TreeMap<>();

	private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

	/** The latest version, or null when there is no such parameter. */
	ParameterVersion current(String name) {
		List<ParameterVersion> versions = this.parameters.get(ParameterNames.key(name));
		return (versions == null) ? null : versions.get(versions.size() - 1);
	}

	/** Every kept version, oldest first; empty when there is no such parameter. */
	List<ParameterVersion> history(String name) {
		return List.copyOf(this.parameters.getOrDefault(ParameterNames.key(name), List.of()));
	}

	/** The latest version of every parameter, sorted by key. */
	List<ParameterVersion> all() {
		return this.parameters.values().stream().map((versions) -> versions.get(versions.size() - 1)).toList();
	}

	/** Adds a version (the caller numbered it), dropping the oldest beyond {@link #MAX_VERSIONS}. */
	void put(ParameterVersion version) {
		List<ParameterVersion> versions = this.parameters.computeIfAbsent(ParameterNames.key(version.name()),
				(k) -> new ArrayList<>());
		versions.add(version);
		if (versions.size() > MAX_VERSIONS) {
			versions.remove(0);
		}
	}

	/** Removes a parameter with its history and tags; false when there was none. */
	boolean delete(String name) {
		String key = ParameterNames.key(name);
		this.tags.remove(key);
		return this.parameters.remove(key) != null;
	}

	/** The tags of an existing parameter (a live, ordered map). */
	Map<String, String> tags(String name) {
		return this.tags.computeIfAbsent(ParameterNames.key(name), (k) -> new LinkedHashMap<>());
	}

	// ---- persistence ----------------------------------------------------------------------------------

	JsonNode save() {
		ObjectNode state = Json.object();
		ArrayNode list = state.putArray("parameters");
		this.parameters.forEach((key, versions) -> {
			ObjectNode saved = list.addObject();
			saved.set("versions", Json.tree(versions));
			saved.set("tags", Json.tree(this.tags.getOrDefault(key, Map.of())));
		});
		return state;
	}

	void load(JsonNode state) {
		this.parameters.clear();
		this.tags.clear();
		for (JsonNode saved : state.path("parameters")) {
			for (JsonNode version : saved.path("versions")) {
				put(Json.mapper().treeToValue(version, ParameterVersion.class));
			}
			String name = saved.path("versions").path(0).path("name").asString();
			tags(name).putAll(Json.stringMap(saved, "tags"));
		}
	}

}
