package io.serverlessspring.boot.events;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A DynamoDB stream image ({@code {"name": {"S": "rex"}}}) as plain JSON ({@code {"name": "rex"}}). */
final class DynamoDbImages {

	private DynamoDbImages() {
	}

	static JsonNode toPlainJson(JsonNode image, JsonMapper mapper) {
		ObjectNode plain = mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> attribute : image.properties()) {
			plain.set(attribute.getKey(), value(attribute.getValue(), mapper));
		}
		return plain;
	}

	private static JsonNode value(JsonNode typed, JsonMapper mapper) {
		if (typed.has("S")) {
			return mapper.getNodeFactory().stringNode(typed.get("S").asString());
		}
		if (typed.has("N")) {
			return mapper.getNodeFactory().numberNode(new BigDecimal(typed.get("N").asString()));
		}
		if (typed.has("BOOL")) {
			return mapper.getNodeFactory().booleanNode(typed.get("BOOL").asBoolean());
		}
		if (typed.has("NULL")) {
			return mapper.getNodeFactory().nullNode();
		}
		if (typed.has("M")) {
			return toPlainJson(typed.get("M"), mapper);
		}
		ArrayNode array = mapper.createArrayNode();
		if (typed.has("L")) {
			typed.get("L").forEach((item) -> array.add(value(item, mapper)));
		}
		else if (typed.has("SS") || typed.has("BS")) {
			typed.path(typed.has("SS") ? "SS" : "BS").forEach((item) -> array.add(item.asString()));
		}
		else if (typed.has("NS")) {
			typed.get("NS").forEach((item) -> array.add(new BigDecimal(item.asString())));
		}
		else if (typed.has("B")) {
			return mapper.getNodeFactory().stringNode(typed.get("B").asString());
		}
		return array;
	}

}
