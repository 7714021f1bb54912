package io.serverlessspring.local.dynamodb;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;

/**
 * DynamoDB's {@code AttributeValue} in its wire form, a one-field JSON object ({@code {"S":"x"}},
 * {@code {"N":"1"}}, {@code {"M":{…}}}, …): validation, equality and ordering as DynamoDB defines them.
 */
final class AttributeValues {

	static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");

	private AttributeValues() {
	}

	/** The type descriptor of a value ({@code S}, {@code N}, …); malformed is a ValidationException. */
	static String type(JsonNode value) {
		if (value == null || !value.isObject() || value.size() != 1) {
			throw AwsException.validation(
					"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
		}
		String type = value.propertyNames().iterator().next();
		if (!TYPES.contains(type)) {
			throw AwsException.validation("Supplied AttributeValue has an unknown datatype: " + type);
		}
		return type;
	}

	/** Checks a whole item (or key, or expression value): every value well-formed, numbers parse. */
	static void validate(JsonNode value) {
		String type = type(value);
		JsonNode inner = value.get(type);
		boolean wellTyped = switch (type) {
			case "S", "N", "B" -> inner.isString();
			case "BOOL" -> inner.isBoolean();
			case "NULL" -> inner.isBoolean() && inner.asBoolean();
			case "M" -> inner.isObject();
			case "L" -> inner.isArray();
			default -> inner.isArray() && java.util.stream.StreamSupport.stream(inner.spliterator(), false).allMatch(JsonNode::isString);
		};
		if (!wellTyped) {
			throw AwsException.badRequest("SerializationException",
					"Unexpected value for an AttributeValue of type " + type + ": " + inner);
		}
		switch (type) {
			case "N" -> number(inner.asString());
			case "M" -> inner.properties().forEach((e) -> validate(e.getValue()));
			case "L" -> inner.forEach(AttributeValues::validate);
			case "NS" -> inner.forEach((n) -> number(n.asString()));
			case "SS", "BS" -> {
				if (inner.isEmpty()) {
					throw AwsException.validation("One or more parameter values were invalid: An string set  may not be empty");
				}
			}
			default -> {
			}
		}
	}

	static BigDecimal number(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (RuntimeException ex) {
			throw AwsException.validation("The parameter cannot be converted to a numeric value: " + text);
		}
	}

	/** DynamoDB equality: same type, same value (numbers numerically, sets regardless of order). */
	static boolean equal(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return false;
		}
		String type = type(a);
		if (!type.equals(type(b))) {
			return false;
		}
		JsonNode x = a.get(type);
		JsonNode y = b.get(type);
		return switch (type) {
			case "N" -> number(x.asString()).compareTo(number(y.asString())) == 0;
			case "SS", "BS" -> strings(x).equals(strings(y));
			case "NS" -> numbers(x).equals(numbers(y));
			case "M" -> {
				if (x.size() != y.size()) {
					yield false;
				}
				for (Map.Entry<String, JsonNode> e : x.properties()) {
					if (!equal(e.getValue(), y.get(e.getKey()))) {
						yield false;
					}
				}
				yield true;
			}
			case "L" -> {
				if (x.size() != y.size()) {
					yield false;
				}
				for (int i = 0; i < x.size(); i++) {
					if (!equal(x.get(i), y.get(i))) {
						yield false;
					}
				}
				yield true;
			}
			default -> x.equals(y);
		};
	}

	/**
	 * Orders two scalar values of the same type (S by code points, N numerically, B by bytes);
	 * null when they cannot be ordered (different or non-scalar types): the comparison is then false.
	 */
	static Integer compare(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return null;
		}
		String type = type(a);
		if (!type.equals(type(b))) {
			return null;
		}
		return switch (type) {
			case "S" -> a.get("S").asString().compareTo(b.get("S").asString());
			case "N" -> number(a.get("N").asString()).compareTo(number(b.get("N").asString()));
			case "B" -> java.util.Arrays.compareUnsigned(bytes(a.get("B")), bytes(b.get("B")));
			default -> null;
		};
	}

	static byte[] bytes(JsonNode base64) {
		try {
			return Base64.getDecoder().decode(base64.asString());
		}
		catch (IllegalArgumentException ex) {
			throw AwsException.validation("Invalid binary value: not base64");
		}
	}

	/** A canonical text for a key value, to index items by key. */
	static String keyText(JsonNode value) {
		String type = type(value);
		String text = value.get(type).asString();
		if ("N".equals(type)) {
			text = number(text).stripTrailingZeros().toPlainString();
		}
		return type + ":" + text;
	}

	static ObjectNode string(String value) {
		ObjectNode node = Json.object();
		node.put("S", value);
		return node;
	}

	static ObjectNode number(BigDecimal value) {
		ObjectNode node = Json.object();
		node.put("N", value.stripTrailingZeros().toPlainString());
		return node;
	}

	private static Set<String> strings(JsonNode array) {
		Set<String> values = new HashSet<>();
		array.forEach((v) -> values.add(v.asString()));
		return values;
	}

	private static Set<BigDecimal> numbers(JsonNode array) {
		Set<BigDecimal> values = new HashSet<>();
		array.forEach((v) -> values.add(number(v.asString()).stripTrailingZeros()));
		return values;
	}

}
