package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Field-by-field comparison in AWS's terms (empty = absent, JSON compared as JSON, lists as sets where AWS reorders). */
final class Diff {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<FieldChange> fields = new ArrayList<>();

	/** Adds the field when before and after differ (an empty string or list equals absent). */
	Diff field(String name, Object before, Object after) {
		if (!Objects.equals(emptyToNull(before), emptyToNull(after))) {
			this.fields.add(FieldChange.of(name, emptyToNull(before), emptyToNull(after)));
		}
		return this;
	}

	/** Adds the field when the two lists differ as case-insensitive sets. */
	Diff set(String name, Collection<String> before, Collection<String> after) {
		if (!lowerSet(before).equals(lowerSet(after))) {
			this.fields.add(FieldChange.of(name, emptyToNull(before), emptyToNull(after)));
		}
		return this;
	}

	Diff add(FieldChange field) {
		this.fields.add(field);
		return this;
	}

	List<FieldChange> fields() {
		return List.copyOf(this.fields);
	}

	boolean isEmpty() {
		return this.fields.isEmpty();
	}

	String describe() {
		return ResourceChange.describe(this.fields);
	}

	static Object emptyToNull(Object value) {
		if (value instanceof String s && s.isEmpty()) {
			return null;
		}
		if (value instanceof Collection<?> c && c.isEmpty()) {
			return null;
		}
		if (value instanceof Map<?, ?> m && m.isEmpty()) {
			return null;
		}
		return value;
	}

	private static LinkedHashSet<String> lowerSet(Collection<String> values) {
		LinkedHashSet<String> set = new LinkedHashSet<>();
		if (values != null) {
			values.forEach(v -> set.add(v.toLowerCase(Locale.ROOT)));
		}
		return set;
	}

	/** Whether two JSON documents are equal, IAM's single-element arrays equal to their element. */
	static boolean sameJson(String a, String b) {
		if (a == null || b == null) {
			return a == b;
		}
		try {
			return normalize(JSON.readTree(a)).equals(normalize(JSON.readTree(b)));
		}
		catch (RuntimeException ex) {
			return a.equals(b);
		}
	}

	private static JsonNode normalize(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JSON.createObjectNode();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				copy.set(entry.getKey(), normalize(entry.getValue()));
			}
			return copy;
		}
		if (node.isArray()) {
			if (node.size() == 1) {
				return normalize(node.get(0));
			}
			ArrayNode copy = JSON.createArrayNode();
			node.forEach(element -> copy.add(normalize(element)));
			return copy;
		}
		return node;
	}

	/** The actions of an IAM policy document, for the printout. */
	static String actionsOf(String policy) {
		LinkedHashSet<String> actions = new LinkedHashSet<>();
		for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
			statement.path("Action").forEach(action -> actions.add(action.asString()));
		}
		return String.join(", ", actions);
	}

	/** Filter patterns compared as JSON (Lambda may return them re-spaced). */
	static boolean sameFilter(List<String> actual, String desired) {
		if (desired == null) {
			return actual == null || actual.isEmpty();
		}
		if (actual == null || actual.size() != 1) {
			return false;
		}
		try {
			return JSON.readTree(actual.get(0)).equals(JSON.readTree(desired));
		}
		catch (RuntimeException ex) {
			return actual.get(0).equals(desired);
		}
	}

}
