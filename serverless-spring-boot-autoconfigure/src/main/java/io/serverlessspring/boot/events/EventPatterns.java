package io.serverlessspring.boot.events;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The part of EventBridge's event patterns a function needs to pick a handler: fields matched
 * against lists of exact values, nested objects matched field by field ({@code detail}). The rule
 * the console creates does the real filtering; this only tells handlers on one function apart.
 */
final class EventPatterns {

	private EventPatterns() {
	}

	static boolean matches(Map<String, Object> pattern, JsonNode event) {
		if (pattern == null || pattern.isEmpty()) {
			return true;
		}
		for (Map.Entry<String, Object> field : pattern.entrySet()) {
			JsonNode value = event.path(field.getKey());
			if (field.getValue() instanceof Map<?, ?> nested) {
				@SuppressWarnings("unchecked")
				Map<String, Object> nestedPattern = (Map<String, Object>) nested;
				if (!matches(nestedPattern, value)) {
					return false;
				}
			}
			else if (field.getValue() instanceof List<?> allowed) {
				if (value.isMissingNode() || allowed.stream().noneMatch((a) -> String.valueOf(a).equals(value.asString()))) {
					return false;
				}
			}
		}
		return true;
	}

}
