package io.serverlessspring.local.events;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;

/**
 * EventBridge event patterns, the commonly used part: each pattern field lists allowed values (or
 * nests); values may be literals, {@code {"prefix": …}}, {@code {"suffix": …}},
 * {@code {"anything-but": …}}, {@code {"exists": true|false}} or {@code {"equals-ignore-case": …}}.
 */
public final class EventPattern {

	private final JsonNode pattern;

	private EventPattern(JsonNode pattern) {
		this.pattern = pattern;
	}

	/** Parses a pattern; invalid JSON or a non-object is an {@link IllegalArgumentException}. */
	public static EventPattern parse(String text) {
		JsonNode node;
		try {
			node = Json.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Event pattern is not valid JSON");
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("Event pattern must be a JSON object");
		}
		return new EventPattern(node);
	}

	public boolean matches(JsonNode event) {
		return matches(this.pattern, event);
	}

	private static boolean matches(JsonNode pattern, JsonNode event) {
		for (Map.Entry<String, JsonNode> field : pattern.properties()) {
			JsonNode value = (event != null) ? event.get(field.getKey()) : null;
			JsonNode rule = field.getValue();
			if (rule.isObject()) {
				if (value == null || !matches(rule, value)) {
					return false;
				}
			}
			else if (rule.isArray()) {
				if (!anyMatches(rule, value)) {
					return false;
				}
			}
			else if (value == null || !value.asString().equals(rule.asString())) {
				return false;
			}
		}
		return true;
	}

	private static boolean anyMatches(JsonNode allowed, JsonNode value) {
		for (JsonNode candidate : allowed) {
			if (candidate.isObject()) {
				if (matchesOperator(candidate, value)) {
					return true;
				}
			}
			else if (value != null && value.isArray()) {
				for (JsonNode item : value) {
					if (scalarEquals(candidate, item)) {
						return true;
					}
				}
			}
			else if (value != null && scalarEquals(candidate, value)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesOperator(JsonNode operator, JsonNode value) {
		if (operator.has("exists")) {
			return operator.get("exists").asBoolean() == (value != null && !value.isNull());
		}
		if (value == null) {
			return false;
		}
		String text = value.asString();
		if (operator.has("prefix")) {
			return text.startsWith(operator.get("prefix").asString());
		}
		if (operator.has("suffix")) {
			return text.endsWith(operator.get("suffix").asString());
		}
		if (operator.has("equals-ignore-case")) {
			return text.equalsIgnoreCase(operator.get("equals-ignore-case").asString());
		}
		if (operator.has("anything-but")) {
			JsonNode excluded = operator.get("anything-but");
			if (excluded.isArray()) {
				for (JsonNode item : excluded) {
					if (scalarEquals(item, value)) {
						return false;
					}
				}
				return true;
			}
			if (excluded.isObject() && excluded.has("prefix")) {
				return !text.startsWith(excluded.get("prefix").asString());
			}
			return !scalarEquals(excluded, value);
		}
		return false;
	}

	private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
		if (expected.isNumber() && actual.isNumber()) {
			return expected.asDouble() == actual.asDouble();
		}
		if (expected.isNull()) {
			return actual.isNull();
		}
		return expected.asString().equals(actual.asString()) && expected.isString() == actual.isString();
	}

}
