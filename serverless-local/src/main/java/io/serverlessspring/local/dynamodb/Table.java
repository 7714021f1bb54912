package io.serverlessspring.local.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.StreamSource;

/**
 * One table: its description (as DescribeTable returns it), TTL, tags, and items by key. Items are
 * kept in key order (hash, then range), which is the order Query returns within one partition.
 */
final class Table {

	/** The TableDescription, kept in wire form. */
	ObjectNode description;

	/** TimeToLiveDescription: status and attribute. */
	ObjectNode timeToLive = Json.object().put("TimeToLiveStatus", "DISABLED");

	Map<String, String> tags = new LinkedHashMap<>();

	/** Items by canonical key text; changed through {@link #write} so that the stream sees every change. */
	TreeMap<String, ObjectNode> items = new TreeMap<>();

	/** Stream records (while the stream is enabled), oldest first; the last {@value #STREAM_KEPT} are kept. */
	final List<StreamSource.StreamRecord> stream = new ArrayList<>();

	private static final int STREAM_KEPT = 10_000;

	private long sequence;

	/**
	 * Puts {@code item} under {@code key}, or deletes it (null), recording the change in the stream
	 * as DynamoDB does: INSERT, MODIFY or REMOVE, with keys and images per StreamViewType; a write
	 * that changes nothing records nothing.
	 */
	void write(String key, ObjectNode item) {
		ObjectNode old = (item != null) ? this.items.put(key, item) : this.items.remove(key);
		JsonNode specification = this.description.path("StreamSpecification");
		if (!specification.path("StreamEnabled").asBoolean(false) || (old == null && item == null)
				|| (old != null && old.equals(item))) {
			return;
		}
		String viewType = specification.path("StreamViewType").asString("NEW_AND_OLD_IMAGES");
		ObjectNode any = (item != null) ? item : old;
		ObjectNode keys = Json.object();
		for (String attribute : new String[] { hashKey(), rangeKey() }) {
			if (attribute != null && any.has(attribute)) {
				keys.set(attribute, any.get(attribute).deepCopy());
			}
		}
		long number = ++this.sequence;
		ObjectNode record = Json.object();
		record.put("eventID", java.util.UUID.randomUUID().toString().replace("-", ""));
		record.put("eventName", (old == null) ? "INSERT" : (item == null) ? "REMOVE" : "MODIFY");
		record.put("eventVersion", "1.1");
		record.put("eventSource", "aws:dynamodb");
		record.put("awsRegion", arn().split(":")[3]);
		ObjectNode dynamodb = record.putObject("dynamodb");
		dynamodb.put("ApproximateCreationDateTime", System.currentTimeMillis() / 1000);
		dynamodb.set("Keys", keys);
		if (item != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
			dynamodb.set("NewImage", item.deepCopy());
		}
		if (old != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"))) {
			dynamodb.set("OldImage", old.deepCopy());
		}
		dynamodb.put("SequenceNumber", String.format("%021d", number));
		dynamodb.put("SizeBytes", Json.text(dynamodb).length());
		dynamodb.put("StreamViewType", viewType);
		record.put("eventSourceARN", this.description.path("LatestStreamArn").asString());
		this.stream.add(new StreamSource.StreamRecord(number, record));
		if (this.stream.size() > STREAM_KEPT) {
			this.stream.remove(0);
		}
	}

	String name() {
		return this.description.path("TableName").asString();
	}

	String arn() {
		return this.description.path("TableArn").asString();
	}

	String hashKey() {
		return keyAttribute(this.description.path("KeySchema"), "HASH");
	}

	String rangeKey() {
		return keyAttribute(this.description.path("KeySchema"), "RANGE");
	}

	static String keyAttribute(JsonNode keySchema, String type) {
		for (JsonNode element : keySchema) {
			if (type.equals(element.path("KeyType").asString())) {
				return element.path("AttributeName").asString();
			}
		}
		return null;
	}

	/** The declared type (S, N, B) of an attribute in AttributeDefinitions. */
	String attributeType(String attribute) {
		for (JsonNode definition : this.description.path("AttributeDefinitions")) {
			if (attribute.equals(definition.path("AttributeName").asString())) {
				return definition.path("AttributeType").asString();
			}
		}
		return null;
	}

	/** The key schema of the table, or of one of its secondary indexes. */
	JsonNode keySchema(String indexName) {
		if (indexName == null) {
			return this.description.path("KeySchema");
		}
		for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
			for (JsonNode index : this.description.path(kind)) {
				if (indexName.equals(index.path("IndexName").asString())) {
					return index.path("KeySchema");
				}
			}
		}
		throw AwsException.validation("The table does not have the specified index: " + indexName);
	}

	/**
	 * The canonical key text of an item or key map; missing or mistyped key attributes are the
	 * ValidationException DynamoDB answers. With {@code exact}, extra attributes are refused (a Key).
	 */
	String keyOf(JsonNode item, boolean exact) {
		String hash = hashKey();
		String range = rangeKey();
		if (exact && item.size() != ((range != null) ? 2 : 1)) {
			throw AwsException.validation("The provided key element does not match the schema");
		}
		StringBuilder key = new StringBuilder();
		for (String attribute : (range != null) ? List.of(hash, range) : List.of(hash)) {
			JsonNode value = item.get(attribute);
			if (value == null) {
				throw AwsException.validation(exact ? "The provided key element does not match the schema"
						: "One or more parameter values were invalid: Missing the key " + attribute + " in the item");
			}
			String type = AttributeValues.type(value);
			String declared = attributeType(attribute);
			if (!type.equals(declared)) {
				throw AwsException.validation(exact ? "The provided key element does not match the schema"
						: "One or more parameter values were invalid: Type mismatch for key " + attribute + " expected: "
								+ declared + " actual: " + type);
			}
			if ("S".equals(type) && value.get("S").asString().isEmpty()) {
				throw AwsException.validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: " + attribute);
			}
			key.append(AttributeValues.keyText(value)).append('\u0000');
		}
		return key.toString();
	}

	/** The key attributes of an item, e.g. for LastEvaluatedKey (table keys plus an index's keys). */
	ObjectNode keyAttributes(ObjectNode item, JsonNode indexKeySchema) {
		ObjectNode key = Json.object();
		List<JsonNode> schemas = new ArrayList<>(List.of(this.description.path("KeySchema")));
		if (indexKeySchema != null) {
			schemas.add(indexKeySchema);
		}
		for (JsonNode schema : schemas) {
			for (JsonNode element : schema) {
				String attribute = element.path("AttributeName").asString();
				if (item.has(attribute)) {
					key.set(attribute, item.get(attribute).deepCopy());
				}
			}
		}
		return key;
	}

	/** The description with the live item count. */
	ObjectNode describe() {
		ObjectNode copy = this.description.deepCopy();
		copy.put("ItemCount", this.items.size());
		copy.put("TableSizeBytes", this.items.values().stream().mapToLong((i) -> Json.bytes(i).length).sum());
		return copy;
	}

	ObjectNode toState() {
		ObjectNode state = Json.object();
		state.set("description", this.description);
		state.set("timeToLive", this.timeToLive);
		state.set("tags", Json.tree(this.tags));
		ArrayNode items = state.putArray("items");
		this.items.values().forEach(items::add);
		return state;
	}

	static Table fromState(JsonNode state) {
		Table table = new Table();
		table.description = (ObjectNode) state.get("description");
		table.timeToLive = (ObjectNode) state.get("timeToLive");
		table.tags = Json.stringMap(state, "tags");
		List<ObjectNode> items = new ArrayList<>();
		state.path("items").forEach((item) -> items.add((ObjectNode) item));
		items.forEach((item) -> table.items.put(table.keyOf(item, false), item));
		return table;
	}

}
