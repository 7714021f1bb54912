package io.serverlessspring.local.sns;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;

/**
 * SNS subscription filter policies on message attributes: every key of the policy must match, a key
 * matches when any of its conditions does. Conditions: a string or number (exact), {@code prefix},
 * {@code suffix}, {@code anything-but} (a value or a list), {@code exists}, {@code numeric}
 * ({@code [">", 0, "<=", 5]}). A String.Array attribute matches when any of its elements does.
 */
final class FilterPolicies {

	private FilterPolicies() {
	}

	/** Whether a message with these attributes (wire form: DataType/StringValue) passes the policy. */
	static boolean matches(String policyText, JsonNode attributes) {
		if (policyText == null || policyText.isBlank()) {
			return true;
		}
		JsonNode policy = Json.parse(policyText);
		for (Map.Entry<String, JsonNode> rule : policy.properties()) {
			JsonNode attribute = attributes.get(rule.getKey());
			JsonNode conditions = rule.getValue().isArray() ? rule.getValue() : Json.array().add(rule.getValue());
			boolean any = false;
			for (JsonNode condition : conditions) {
				any |= matches(condition, attribute);
			}
			if (!any) {
				return false;
			}
		}
		return true;
	}

	private static boolean matches(JsonNode condition, JsonNode attribute) {
		if (condition.isObject() && condition.has("exists")) {
			return condition.get("exists").asBoolean() == (attribute != null);
		}
		if (attribute == null) {
			return false;
		}
		String type = attribute.path("DataType").asString();
		String value = attribute.path("StringValue").asString();
		if (type.startsWith("String.Array")) {
			try {
				for (JsonNode element : Json.parse(value)) {
					if (matchesValue(condition, element.asString(), element.isNumber())) {
						return true;
					}
				}
			}
			catch (RuntimeException ex) {
				return false;
			}
			return false;
		}
		return matchesValue(condition, value, type.startsWith("Number"));
	}

	private static boolean matchesValue(JsonNode condition, String value, boolean numeric) {
		if (condition.isString()) {
			return condition.asString().equals(value);
		}
		if (condition.isNumber()) {
			return numeric && number(value) != null && number(value).compareTo(condition.decimalValue()) == 0;
		}
		if (!condition.isObject()) {
			return false;
		}
		if (condition.has("prefix")) {
			return value.startsWith(condition.get("prefix").asString());
		}
		if (condition.has("suffix")) {
			return value.endsWith(condition.get("suffix").asString());
		}
		if (condition.has("anything-but")) {
			JsonNode excluded = condition.get("anything-but");
			JsonNode list = excluded.isArray() ? excluded : Json.array().add(excluded);
			for (JsonNode item : list) {
				if (item.isObject() && item.has("prefix") ? value.startsWith(item.get("prefix").asString())
						: matchesValue(item, value, numeric)) {
					return false;
				}
			}
			return true;
		}
		if (condition.has("numeric")) {
			BigDecimal actual = number(value);
			if (actual == null) {
				return false;
			}
			JsonNode terms = condition.get("numeric");
			for (int i = 0; i + 1 < terms.size(); i += 2) {
				int order = actual.compareTo(terms.get(i + 1).decimalValue());
				boolean ok = switch (terms.get(i).asString()) {
					case "=" -> order == 0;
					case "<" -> order < 0;
					case "<=" -> order <= 0;
					case ">" -> order > 0;
					case ">=" -> order >= 0;
					default -> false;
				};
				if (!ok) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
