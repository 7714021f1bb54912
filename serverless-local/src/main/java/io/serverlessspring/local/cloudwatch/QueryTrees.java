package io.serverlessspring.local.cloudwatch;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.Xml;

/**
 * The query protocol's flattened parameters as the same tree the CBOR protocol yields
 * ({@code MetricDataQueries.member.1.MetricStat.Period=60} → {@code {"MetricDataQueries":[{"MetricStat":
 * {"Period":"60"}}]}}), and a result tree back as query XML (lists as {@code <member>}s).
 */
final class QueryTrees {

	private QueryTrees() {
	}

	static ObjectNode fromForm(Map<String, String> form) {
		ObjectNode root = Json.object();
		for (Map.Entry<String, String> entry : form.entrySet()) {
			if (entry.getKey().equals("Action") || entry.getKey().equals("Version")) {
				continue;
			}
			String[] parts = entry.getKey().split("\\.");
			JsonNode current = root;
			for (int i = 0; i < parts.length; i++) {
				boolean last = (i == parts.length - 1);
				if (current instanceof ObjectNode object) {
					String name = parts[i];
					boolean list = !last && "member".equals(parts[i + 1]);
					if (last) {
						object.put(name, entry.getValue());
					}
					else if (list) {
						current = (object.get(name) instanceof ArrayNode array) ? array : object.putArray(name);
						i++; // skip "member"; the index comes next
					}
					else {
						current = (object.get(name) instanceof ObjectNode child) ? child : object.putObject(name);
					}
				}
				else if (current instanceof ArrayNode array) {
					int index;
					try {
						index = Integer.parseInt(parts[i]) - 1;
					}
					catch (NumberFormatException ex) {
						break;
					}
					while (array.size() <= index) {
						array.addObject();
					}
					if (last) {
						array.set(index, Json.mapper().getNodeFactory().stringNode(entry.getValue()));
					}
					else {
						current = array.get(index);
					}
				}
			}
		}
		return root;
	}

	static void writeXml(Xml.Writer xml, JsonNode node, Set<String> timestampFields) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			write(xml, field.getKey(), field.getValue(), timestampFields.contains(field.getKey()), timestampFields);
		}
	}

	private static void write(Xml.Writer xml, String name, JsonNode value, boolean timestamp, Set<String> timestampFields) {
		if (value.isObject()) {
			xml.start(name);
			writeXml(xml, value, timestampFields);
			xml.end();
		}
		else if (value.isArray()) {
			xml.start(name);
			for (JsonNode element : value) {
				write(xml, "member", element, timestamp, timestampFields);
			}
			xml.end();
		}
		else if (timestamp && value.isNumber()) {
			xml.element(name, Instant.ofEpochMilli(value.asLong()).toString());
		}
		else {
			xml.element(name, value.asString());
		}
	}

}
