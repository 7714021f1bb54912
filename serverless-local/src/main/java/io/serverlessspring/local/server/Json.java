package io.serverlessspring.local.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for the JSON and rest-json services: one shared mapper, field access with AWS errors. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	public static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	public static String text(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	public static JsonNode parse(String text) {
		return MAPPER.readTree(text);
	}

	/**
	 * A timestamp as AWS renders it in JSON protocols: epoch seconds with at most three decimals
	 * (a double such as {@code millis / 1000.0}, or a sub-millisecond instant, can print with more
	 * digits, and the SDK rejects timestamps longer than 20 characters).
	 */
	public static JsonNode epochSeconds(Instant instant) {
		return epochSeconds(instant.toEpochMilli());
	}

	/** {@link #epochSeconds(Instant)} from epoch milliseconds. */
	public static JsonNode epochSeconds(long epochMillis) {
		return DecimalNode.valueOf(BigDecimal.valueOf(epochMillis, 3));
	}

	/**
	 * A timestamp a client sent (epoch seconds, any precision, or ISO-8601 text), truncated to the
	 * millisecond as AWS keeps it; not a timestamp is a {@code ValidationException} naming the member.
	 */
	public static Instant instant(JsonNode node, String member) {
		try {
			if (node.isNumber()) {
				return Instant.ofEpochMilli(node.decimalValue().movePointRight(3).longValue());
			}
			if (node.isString()) {
				String text = node.asString();
				return text.matches("-?[0-9]+(\\.[0-9]+)?")
						? Instant.ofEpochMilli(new BigDecimal(text).movePointRight(3).longValue())
						: Instant.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
			}
		}
		catch (RuntimeException ex) {
			// reported below
		}
		throw AwsException.validation("Invalid timestamp for " + member + ": " + node);
	}

	/** Any value (record, map, list) as a tree. */
	public static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	/**
	 * A string field, or null when absent or JSON null. An object or array in its place is a
	 * {@code SerializationException} naming it, as the JSON services answer a member of the wrong type.
	 */
	public static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : scalar(value, field);
	}

	private static String scalar(JsonNode value, String field) {
		if (value.isContainer()) {
			throw AwsException.badRequest("SerializationException",
					"Unexpected " + (value.isArray() ? "list" : "structure") + " for the string member " + field);
		}
		return value.asString();
	}

	private static JsonNode container(JsonNode node, String field, boolean array) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (array ? !value.isArray() : !value.isObject()) {
			throw AwsException.badRequest("SerializationException",
					"Expected a " + (array ? "list" : "map") + " for the member " + field);
		}
		return value;
	}

	/**
	 * A required string field; missing or blank is a {@code ValidationException} naming it (services
	 * with a different code use {@link #required(JsonNode, String, String)}).
	 */
	public static String required(JsonNode node, String field) {
		return required(node, field, "ValidationException");
	}

	public static String required(JsonNode node, String field, String errorCode) {
		String value = string(node, field);
		if (value == null || value.isBlank()) {
			throw AwsException.badRequest(errorCode,
					"1 validation error detected: Value null at '" + lowerFirst(field)
							+ "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	/** An integer field, or the default when absent. */
	public static int integer(JsonNode node, String field, int defaultValue) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return defaultValue;
		}
		if (!value.canConvertToInt()) {
			throw AwsException.validation("Value at '" + lowerFirst(field) + "' must be an integer");
		}
		return value.asInt();
	}

	/** A map of strings (e.g. Tags, Environment.Variables); empty when absent. */
	public static Map<String, String> stringMap(JsonNode node, String field) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		JsonNode value = container(node, field, false);
		if (value != null) {
			for (Map.Entry<String, JsonNode> entry : value.properties()) {
				values.put(entry.getKey(), scalar(entry.getValue(), field + "." + entry.getKey()));
			}
		}
		return values;
	}

	/** A list of strings; empty when absent. */
	public static List<String> stringList(JsonNode node, String field) {
		List<String> values = new ArrayList<>();
		JsonNode value = container(node, field, true);
		if (value != null) {
			value.forEach((item) -> values.add(scalar(item, field + " item")));
		}
		return values;
	}

	static String lowerFirst(String field) {
		return field.isEmpty() ? field : Character.toLowerCase(field.charAt(0)) + field.substring(1);
	}

}
