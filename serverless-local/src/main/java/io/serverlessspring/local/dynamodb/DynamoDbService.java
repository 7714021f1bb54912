package io.serverlessspring.local.dynamodb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.StreamSource;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;

/**
 * DynamoDB (awsJson1.0, {@code DynamoDB_20120810.*}): tables (CREATING → ACTIVE), items with
 * condition and update expressions, Query and Scan with filters and paging, batch reads and writes,
 * transactions ({@link Transactions}), TTL and tags. Expired items (TTL attribute in epoch seconds before now) are deleted by a sweep every
 * minute; as on AWS, reads may still see them until then (readers check the attribute). With a stream
 * enabled, every item change is recorded ({@link Table#write}) and read by Lambda event source
 * mappings through {@link StreamSource}; there is no DynamoDB Streams API (GetRecords) of its own.
 */
public final class DynamoDbService implements AwsService, Persistent, StreamSource {

	private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

	/** How long a new table stays CREATING, so that waiters really wait. */
	private static final long CREATING_MILLIS = 50;

	/** How often expired items are deleted (AWS: within days; here soon, to keep memory bounded). */
	private static final long TTL_SWEEP_SECONDS = 60;

	private final Map<String, Table> tables = new TreeMap<>();

	private LocalContext context;

	@Override
	public String signingName() {
		return "dynamodb";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("DynamoDB_20120810");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		context.timers().scheduleWithFixedDelay(this::expireItems, TTL_SWEEP_SECONDS, TTL_SWEEP_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		String operation = request.targetOperation();
		ObjectNode input = request.json();
		if ("TransactWriteItems".equals(operation) || "TransactGetItems".equals(operation)) {
			try {
				synchronized (this) {
					return AwsResponse.amzJson("TransactWriteItems".equals(operation) ? Transactions.write(input, this::table)
							: Transactions.get(input, this::table));
				}
			}
			catch (Transactions.Cancelled cancelled) {
				return cancelled.render(request.requestId());
			}
		}
		ObjectNode output = switch (String.valueOf(operation)) {
			case "CreateTable" -> createTable(input);
			case "DescribeTable" -> describeTable(input);
			case "DeleteTable" -> deleteTable(input);
			case "UpdateTable" -> updateTable(input);
			case "BatchGetItem" -> batchGetItem(input);
			case "BatchWriteItem" -> batchWriteItem(input);
			case "ListTables" -> listTables(input);
			case "PutItem" -> putItem(input);
			case "GetItem" -> getItem(input);
			case "UpdateItem" -> updateItem(input);
			case "DeleteItem" -> deleteItem(input);
			case "Query" -> query(input, true);
			case "Scan" -> query(input, false);
			case "UpdateTimeToLive" -> updateTimeToLive(input);
			case "DescribeTimeToLive" -> describeTimeToLive(input);
			case "TagResource" -> tagResource(input);
			case "UntagResource" -> untagResource(input);
			case "ListTagsOfResource" -> listTags(input);
			default -> throw AwsException.badRequest("UnknownOperationException",
					"Unknown operation: " + operation);
		};
		return AwsResponse.amzJson(output);
	}

	// ---- tables -------------------------------------------------------------------------------------

	private synchronized ObjectNode createTable(ObjectNode input) {
		String name = tableName(input);
		JsonNode keySchema = input.path("KeySchema");
		String hash = Table.keyAttribute(keySchema, "HASH");
		if (!keySchema.isArray() || keySchema.isEmpty() || keySchema.size() > 2 || hash == null) {
			throw AwsException.validation("1 validation error detected: Value at 'keySchema' failed to satisfy constraint: "
					+ "a HASH key element is required, with at most one RANGE key element");
		}
		Set<String> defined = new HashSet<>();
		for (JsonNode definition : input.path("AttributeDefinitions")) {
			String type = definition.path("AttributeType").asString();
			if (!Set.of("S", "N", "B").contains(type)) {
				throw AwsException.validation("1 validation error detected: Value '" + type
						+ "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
			}
			defined.add(definition.path("AttributeName").asString());
		}
		List<JsonNode> schemas = new ArrayList<>(List.of(keySchema));
		input.path("GlobalSecondaryIndexes").forEach((index) -> schemas.add(index.path("KeySchema")));
		input.path("LocalSecondaryIndexes").forEach((index) -> schemas.add(index.path("KeySchema")));
		for (JsonNode schema : schemas) {
			for (JsonNode element : schema) {
				String attribute = element.path("AttributeName").asString();
				if (!defined.contains(attribute)) {
					throw AwsException.validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
							+ attribute + "], AttributeDefinitions: " + defined);
				}
			}
		}
		String billing = Json.string(input, "BillingMode");
		if (billing != null && !Set.of("PROVISIONED", "PAY_PER_REQUEST").contains(billing)) {
			throw AwsException.validation("1 validation error detected: Value '" + billing
					+ "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
		}
		if (!"PAY_PER_REQUEST".equals(billing) && !input.has("ProvisionedThroughput")) {
			throw AwsException.validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
		}
		if (this.tables.containsKey(name)) {
			throw AwsException.badRequest("ResourceInUseException", "Table already exists: " + name);
		}
		ObjectNode description = Json.object();
		description.set("AttributeDefinitions", input.path("AttributeDefinitions").deepCopy());
		description.put("TableName", name);
		description.set("KeySchema", keySchema.deepCopy());
		description.put("TableStatus", "CREATING");
		description.set("CreationDateTime", Json.epochSeconds(this.context.clock().millis()));
		ObjectNode throughput = description.putObject("ProvisionedThroughput");
		throughput.put("NumberOfDecreasesToday", 0);
		throughput.put("ReadCapacityUnits", input.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(0));
		throughput.put("WriteCapacityUnits", input.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(0));
		description.put("TableSizeBytes", 0);
		description.put("ItemCount", 0);
		description.put("TableArn", this.context.arn("dynamodb", "table/" + name));
		description.put("TableId", UUID.randomUUID().toString());
		description.putObject("BillingModeSummary").put("BillingMode", (billing != null) ? billing : "PROVISIONED");
		for (String kind : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
			if (input.has(kind)) {
				ArrayNode indexes = description.putArray(kind);
				for (JsonNode index : input.get(kind)) {
					ObjectNode copy = (ObjectNode) index.deepCopy();
					copy.put("IndexStatus", "ACTIVE");
					copy.put("IndexArn", this.context.arn("dynamodb", "table/" + name + "/index/" + index.path("IndexName").asString()));
					indexes.add(copy);
				}
			}
		}
		streams(description, input.get("StreamSpecification"));
		description.put("DeletionProtectionEnabled", input.path("DeletionProtectionEnabled").asBoolean(false));
		Table table = new Table();
		table.description = description;
		for (JsonNode tag : input.path("Tags")) {
			table.tags.put(tag.path("Key").asString(), tag.path("Value").asString());
		}
		this.tables.put(name, table);
		ObjectNode output = Json.object();
		output.set("TableDescription", table.describe());
		this.context.timers().schedule(() -> activate(table), CREATING_MILLIS, TimeUnit.MILLISECONDS);
		return output;
	}

	private synchronized void activate(Table table) {
		table.description.put("TableStatus", "ACTIVE");
	}

	private synchronized ObjectNode describeTable(ObjectNode input) {
		ObjectNode output = Json.object();
		output.set("Table", table(input).describe());
		return output;
	}

	private synchronized ObjectNode deleteTable(ObjectNode input) {
		Table table = table(input);
		if (table.description.path("DeletionProtectionEnabled").asBoolean(false)) {
			throw AwsException.validation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
		}
		this.tables.remove(table.name());
		ObjectNode description = table.describe();
		description.put("TableStatus", "DELETING");
		ObjectNode output = Json.object();
		output.set("TableDescription", description);
		return output;
	}

	private synchronized ObjectNode listTables(ObjectNode input) {
		int limit = Json.integer(input, "Limit", 100);
		if (limit < 1 || limit > 100) {
			throw AwsException.validation("1 validation error detected: Value '" + limit
					+ "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
		}
		String start = Json.string(input, "ExclusiveStartTableName");
		List<String> names = new ArrayList<>(
				(start != null) ? ((TreeMap<String, Table>) this.tables).tailMap(start, false).keySet() : this.tables.keySet());
		ObjectNode output = Json.object();
		ArrayNode list = output.putArray("TableNames");
		names.stream().limit(limit).forEach(list::add);
		if (names.size() > limit) {
			output.put("LastEvaluatedTableName", names.get(limit - 1));
		}
		return output;
	}

	private synchronized ObjectNode updateTable(ObjectNode input) {
		Table table = table(input);
		String billing = Json.string(input, "BillingMode");
		if (billing != null) {
			if (!Set.of("PROVISIONED", "PAY_PER_REQUEST").contains(billing)) {
				throw AwsException.validation("1 validation error detected: Value '" + billing
						+ "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
			}
			table.description.withObject("BillingModeSummary").put("BillingMode", billing);
		}
		JsonNode throughput = input.get("ProvisionedThroughput");
		if (throughput != null) {
			ObjectNode current = table.description.withObject("ProvisionedThroughput");
			current.put("ReadCapacityUnits", throughput.path("ReadCapacityUnits").asLong(0));
			current.put("WriteCapacityUnits", throughput.path("WriteCapacityUnits").asLong(0));
		}
		if (input.has("DeletionProtectionEnabled")) {
			table.description.put("DeletionProtectionEnabled", input.path("DeletionProtectionEnabled").asBoolean());
		}
		if (input.has("StreamSpecification")) {
			streams(table.description, input.get("StreamSpecification"));
		}
		ObjectNode output = Json.object();
		output.set("TableDescription", table.describe());
		return output;
	}

	/**
	 * Records a stream specification and, when enabled, the stream's ARN and label as DescribeTable
	 * shows them; records are kept from then on (see {@link Table#write}).
	 */
	private void streams(ObjectNode description, JsonNode specification) {
		if (specification == null || !specification.isObject()) {
			return;
		}
		description.set("StreamSpecification", specification.deepCopy());
		if (specification.path("StreamEnabled").asBoolean(false)) {
			String label = java.time.Instant.ofEpochMilli(this.context.clock().millis()).toString().replace("Z", "");
			description.put("LatestStreamLabel", label);
			description.put("LatestStreamArn", description.path("TableArn").asString() + "/stream/" + label);
		}
		else {
			description.remove("LatestStreamLabel");
			description.remove("LatestStreamArn");
		}
	}

	private synchronized ObjectNode batchGetItem(ObjectNode input) {
		JsonNode requests = input.path("RequestItems");
		if (!requests.isObject() || requests.isEmpty()) {
			throw AwsException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
		}
		ObjectNode output = Json.object();
		ObjectNode responses = output.putObject("Responses");
		int count = 0;
		for (Map.Entry<String, JsonNode> entry : requests.properties()) {
			Table table = table(Json.object().put("TableName", entry.getKey()));
			Expressions expressions = new Expressions(entry.getValue());
			List<Expressions.Path> projection = projection(expressions, entry.getValue());
			expressions.checkAllUsed();
			ArrayNode items = responses.putArray(table.name());
			for (JsonNode key : entry.getValue().path("Keys")) {
				if (++count > 100) {
					throw AwsException.validation("Too many items requested for the BatchGetItem call");
				}
				ObjectNode item = table.items.get(table.keyOf(key, true));
				if (item != null) {
					items.add(project(item, projection));
				}
			}
		}
		output.putObject("UnprocessedKeys");
		return output;
	}

	private synchronized ObjectNode batchWriteItem(ObjectNode input) {
		JsonNode requests = input.path("RequestItems");
		if (!requests.isObject() || requests.isEmpty()) {
			throw AwsException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
		}
		// validate everything first: a bad request writes nothing
		List<Runnable> writes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Map.Entry<String, JsonNode> entry : requests.properties()) {
			Table table = table(Json.object().put("TableName", entry.getKey()));
			for (JsonNode request : entry.getValue()) {
				if (writes.size() >= 25) {
					throw AwsException.validation("Too many items requested for the BatchWriteItem call");
				}
				if (request.has("PutRequest")) {
					JsonNode item = request.path("PutRequest").path("Item");
					item.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
					String key = table.keyOf(item, false);
					if (!seen.add(table.name() + key)) {
						throw AwsException.validation("Provided list of item keys contains duplicates");
					}
					writes.add(() -> table.write(key, (ObjectNode) item.deepCopy()));
				}
				else if (request.has("DeleteRequest")) {
					String key = table.keyOf(request.path("DeleteRequest").path("Key"), true);
					if (!seen.add(table.name() + key)) {
						throw AwsException.validation("Provided list of item keys contains duplicates");
					}
					writes.add(() -> table.write(key, null));
				}
				else {
					throw AwsException.validation("Supplied AttributeValue has neither PutRequest nor DeleteRequest");
				}
			}
		}
		writes.forEach(Runnable::run);
		ObjectNode output = Json.object();
		output.putObject("UnprocessedItems");
		return output;
	}

	// ---- StreamSource: Lambda event source mappings read table streams ------------------------------------

	@Override
	public boolean ownsStream(String arn) {
		return arn.startsWith("arn:aws:dynamodb:") && arn.contains("/stream/");
	}

	@Override
	public synchronized boolean streamExists(String arn) {
		return streamTable(arn) != null;
	}

	@Override
	public synchronized long position(String arn, String startingPosition) {
		Table table = streamTable(arn);
		if (table == null || table.stream.isEmpty()) {
			return 0;
		}
		return "LATEST".equals(startingPosition) ? table.stream.get(table.stream.size() - 1).sequence()
				: table.stream.get(0).sequence() - 1;
	}

	@Override
	public synchronized List<StreamRecord> records(String arn, long position, int max) {
		Table table = streamTable(arn);
		if (table == null) {
			return List.of();
		}
		return table.stream.stream().filter((r) -> r.sequence() > position).limit(max).toList();
	}

	private Table streamTable(String arn) {
		for (Table table : this.tables.values()) {
			if (arn.equals(table.description.path("LatestStreamArn").asString(null))) {
				return table;
			}
		}
		return null;
	}

	/** Deletes items whose TTL attribute (epoch seconds) has passed, as DynamoDB's background sweep does. */
	synchronized void expireItems() {
		long now = this.context.clock().millis() / 1000;
		for (Table table : this.tables.values()) {
			if (!"ENABLED".equals(table.timeToLive.path("TimeToLiveStatus").asString())) {
				continue;
			}
			String attribute = table.timeToLive.path("AttributeName").asString();
			List<String> expired = new java.util.ArrayList<>();
			table.items.forEach((key, item) -> {
				if (expired(item, attribute, now)) {
					expired.add(key);
				}
			});
			// through write(): the stream sees a REMOVE, as DynamoDB's TTL deletions are
			expired.forEach((key) -> table.write(key, null));
		}
	}

	private static boolean expired(JsonNode item, String attribute, long now) {
		JsonNode value = item.get(attribute);
		if (value == null || !value.has("N")) {
			return false;
		}
		try {
			return new java.math.BigDecimal(value.get("N").asString()).longValue() < now;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	// ---- items ----------------------------------------------------------------------------------------

	private synchronized ObjectNode putItem(ObjectNode input) {
		Table table = table(input);
		JsonNode item = input.get("Item");
		if (item == null || !item.isObject()) {
			throw AwsException.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
		}
		item.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
		String key = table.keyOf(item, false);
		Expressions expressions = new Expressions(input);
		Predicate<ObjectNode> condition = condition(expressions, input);
		expressions.checkAllUsed();
		ObjectNode old = table.items.get(key);
		check(condition, old);
		table.write(key, (ObjectNode) item.deepCopy());
		return returnOld(input, old);
	}

	private synchronized ObjectNode getItem(ObjectNode input) {
		Table table = table(input);
		JsonNode keyNode = requiredKey(input);
		ObjectNode item = table.items.get(table.keyOf(keyNode, true));
		Expressions expressions = new Expressions(input);
		List<Expressions.Path> projection = projection(expressions, input);
		expressions.checkAllUsed();
		ObjectNode output = Json.object();
		if (item != null) {
			output.set("Item", project(item, projection));
		}
		return output;
	}

	private synchronized ObjectNode updateItem(ObjectNode input) {
		Table table = table(input);
		JsonNode keyNode = requiredKey(input);
		String key = table.keyOf(keyNode, true);
		Expressions expressions = new Expressions(input);
		Predicate<ObjectNode> condition = condition(expressions, input);
		String updateExpression = Json.string(input, "UpdateExpression");
		Set<String> keyAttributes = new HashSet<>();
		keyNode.propertyNames().forEach(keyAttributes::add);
		java.util.function.Consumer<ObjectNode> update = (updateExpression != null)
				? expressions.update(updateExpression, keyAttributes) : (item) -> {
				};
		expressions.checkAllUsed();
		ObjectNode old = table.items.get(key);
		check(condition, old);
		ObjectNode updated = (old != null) ? old.deepCopy() : (ObjectNode) keyNode.deepCopy();
		update.accept(updated);
		updated.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
		table.write(key, updated);
		String returnValues = returnValues(input, Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
		ObjectNode output = Json.object();
		switch (returnValues) {
			case "ALL_OLD" -> {
				if (old != null) {
					output.set("Attributes", old);
				}
			}
			case "ALL_NEW" -> output.set("Attributes", updated.deepCopy());
			case "UPDATED_OLD", "UPDATED_NEW" -> {
				ObjectNode source = "UPDATED_OLD".equals(returnValues) ? old : updated;
				ObjectNode other = "UPDATED_OLD".equals(returnValues) ? updated : old;
				ObjectNode changed = Json.object();
				if (source != null) {
					source.properties().forEach((e) -> {
						if (!keyAttributes.contains(e.getKey())
								&& (other == null || !AttributeValues.equal(e.getValue(), other.get(e.getKey())))) {
							changed.set(e.getKey(), e.getValue().deepCopy());
						}
					});
				}
				output.set("Attributes", changed);
			}
			default -> {
			}
		}
		return output;
	}

	private synchronized ObjectNode deleteItem(ObjectNode input) {
		Table table = table(input);
		String key = table.keyOf(requiredKey(input), true);
		Expressions expressions = new Expressions(input);
		Predicate<ObjectNode> condition = condition(expressions, input);
		expressions.checkAllUsed();
		ObjectNode old = table.items.get(key);
		check(condition, old);
		table.write(key, null);
		return returnOld(input, old);
	}

	/** Query (key condition on the table or an index) and Scan: filter, paging, order, COUNT. */
	private synchronized ObjectNode query(ObjectNode input, boolean isQuery) {
		Table table = table(input);
		String indexName = Json.string(input, "IndexName");
		JsonNode keySchema = table.keySchema(indexName);
		Expressions expressions = new Expressions(input);
		List<Predicate<ObjectNode>> keyTests = new ArrayList<>();
		String rangeAttribute = Table.keyAttribute(keySchema, "RANGE");
		if (isQuery) {
			String keyCondition = Json.string(input, "KeyConditionExpression");
			if (keyCondition == null) {
				throw AwsException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
			}
			keyTests.addAll(keyTests(expressions.keyConditions(keyCondition), keySchema));
		}
		Predicate<ObjectNode> filter = null;
		if (Json.string(input, "FilterExpression") != null) {
			filter = expressions.condition(Json.string(input, "FilterExpression"), "FilterExpression");
		}
		List<Expressions.Path> projection = projection(expressions, input);
		expressions.checkAllUsed();
		int limit = Json.integer(input, "Limit", Integer.MAX_VALUE);
		if (limit < 1) {
			throw AwsException.validation("1 validation error detected: Value '" + limit
					+ "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
		}

		List<ObjectNode> matches = new ArrayList<>();
		for (ObjectNode item : table.items.values()) {
			// an index only holds items that have its key attributes
			boolean inIndex = true;
			for (JsonNode element : keySchema) {
				inIndex &= item.has(element.path("AttributeName").asString());
			}
			if (inIndex && keyTests.stream().allMatch((t) -> t.test(item))) {
				matches.add(item);
			}
		}
		// the read order: by the range key (Query, in ScanIndexForward's direction), then by table key
		Comparator<ObjectNode> byTableKey = Comparator.comparing((ObjectNode item) -> table.keyOf(item, false));
		Comparator<ObjectNode> order = byTableKey;
		if (isQuery && rangeAttribute != null) {
			Comparator<ObjectNode> byRange = (a, b) -> {
				Integer compared = AttributeValues.compare(a.get(rangeAttribute), b.get(rangeAttribute));
				return (compared != null) ? compared : 0;
			};
			order = (input.path("ScanIndexForward").asBoolean(true) ? byRange : byRange.reversed()).thenComparing(byTableKey);
		}
		matches.sort(order);
		JsonNode startKey = input.get("ExclusiveStartKey");
		if (startKey != null && !startKey.isNull()) {
			if (!startKey.isObject()) {
				throw AwsException.validation("The provided starting key is invalid");
			}
			startKey.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
			ObjectNode start = (ObjectNode) startKey;
			table.keyOf(start, false);
			// continue after the start key's position, even when that item is gone meanwhile
			Comparator<ObjectNode> position = order;
			matches = matches.stream().filter((item) -> position.compare(item, start) > 0).toList();
		}
		List<ObjectNode> page = matches.subList(0, Math.min(limit, matches.size()));
		ObjectNode output = Json.object();
		boolean countOnly = "COUNT".equals(Json.string(input, "Select"));
		ArrayNode items = countOnly ? null : output.putArray("Items");
		int count = 0;
		for (ObjectNode item : page) {
			if (filter == null || filter.test(item)) {
				count++;
				if (items != null) {
					items.add(project(item, projection));
				}
			}
		}
		output.put("Count", count);
		output.put("ScannedCount", page.size());
		if (page.size() < matches.size()) {
			output.set("LastEvaluatedKey", table.keyAttributes(page.get(page.size() - 1), keySchema));
		}
		return output;
	}

	private static List<Predicate<ObjectNode>> keyTests(List<Expressions.KeyCondition> conditions, JsonNode keySchema) {
		String hash = Table.keyAttribute(keySchema, "HASH");
		String range = Table.keyAttribute(keySchema, "RANGE");
		boolean hashSeen = false;
		List<Predicate<ObjectNode>> tests = new ArrayList<>();
		for (Expressions.KeyCondition condition : conditions) {
			String attribute = condition.attribute();
			if (attribute.equals(hash) && "=".equals(condition.operator())) {
				hashSeen = true;
			}
			else if (!attribute.equals(range) || conditions.size() > 2) {
				throw AwsException.validation("Query condition missed key schema element: " + hash);
			}
			List<JsonNode> operands = condition.operands();
			tests.add((item) -> {
				JsonNode value = item.get(attribute);
				return switch (condition.operator()) {
					case "=" -> AttributeValues.equal(value, operands.get(0));
					case "begins_with" -> value != null && value.has("S") && operands.get(0).has("S")
							&& value.get("S").asString().startsWith(operands.get(0).get("S").asString());
					case "BETWEEN" -> {
						Integer low = AttributeValues.compare(value, operands.get(0));
						Integer high = AttributeValues.compare(value, operands.get(1));
						yield low != null && high != null && low >= 0 && high <= 0;
					}
					default -> {
						Integer order = AttributeValues.compare(value, operands.get(0));
						yield order != null && switch (condition.operator()) {
							case "<" -> order < 0;
							case "<=" -> order <= 0;
							case ">" -> order > 0;
							default -> order >= 0;
						};
					}
				};
			});
		}
		if (!hashSeen) {
			throw AwsException.validation("Query condition missed key schema element: " + hash);
		}
		return tests;
	}

	// ---- TTL and tags --------------------------------------------------------------------------------

	private synchronized ObjectNode updateTimeToLive(ObjectNode input) {
		Table table = table(input);
		JsonNode specification = input.get("TimeToLiveSpecification");
		if (specification == null || !specification.has("Enabled") || Json.string(specification, "AttributeName") == null) {
			throw AwsException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
		}
		boolean enable = specification.path("Enabled").asBoolean();
		String attribute = Json.string(specification, "AttributeName");
		boolean enabled = "ENABLED".equals(table.timeToLive.path("TimeToLiveStatus").asString());
		if (enable == enabled) {
			throw AwsException.validation("TimeToLive is already " + (enabled ? "enabled" : "disabled"));
		}
		if (!enable && !attribute.equals(table.timeToLive.path("AttributeName").asString())) {
			throw AwsException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
					+ table.timeToLive.path("AttributeName").asString());
		}
		table.timeToLive = Json.object();
		table.timeToLive.put("TimeToLiveStatus", enable ? "ENABLED" : "DISABLED");
		if (enable) {
			table.timeToLive.put("AttributeName", attribute);
		}
		ObjectNode output = Json.object();
		output.set("TimeToLiveSpecification", specification.deepCopy());
		return output;
	}

	private synchronized ObjectNode describeTimeToLive(ObjectNode input) {
		ObjectNode output = Json.object();
		output.set("TimeToLiveDescription", table(input).timeToLive.deepCopy());
		return output;
	}

	private synchronized ObjectNode tagResource(ObjectNode input) {
		Table table = tableByArn(input);
		JsonNode tags = input.path("Tags");
		if (!tags.isArray() || tags.isEmpty()) {
			throw AwsException.validation("1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
		}
		tags.forEach((tag) -> table.tags.put(Json.required(tag, "Key"), tag.path("Value").asString("")));
		return Json.object();
	}

	private synchronized ObjectNode untagResource(ObjectNode input) {
		Table table = tableByArn(input);
		Json.stringList(input, "TagKeys").forEach(table.tags::remove);
		return Json.object();
	}

	private synchronized ObjectNode listTags(ObjectNode input) {
		Table table = tableByArn(input);
		ObjectNode output = Json.object();
		ArrayNode tags = output.putArray("Tags");
		table.tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
		return output;
	}

	// ---- helpers -------------------------------------------------------------------------------------

	private static String tableName(JsonNode input) {
		String name = Json.string(input, "TableName");
		if (name == null) {
			throw AwsException.validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
		}
		if (name.startsWith("arn:")) {
			name = name.substring(name.lastIndexOf('/') + 1);
		}
		if (!TABLE_NAME.matcher(name).matches()) {
			throw AwsException.validation("1 validation error detected: Value '" + name
					+ "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255");
		}
		return name;
	}

	private Table table(JsonNode input) {
		String name = tableName(input);
		Table table = this.tables.get(name);
		if (table == null) {
			throw AwsException.badRequest("ResourceNotFoundException",
					"Requested resource not found: Table: " + name + " not found");
		}
		return table;
	}

	private Table tableByArn(JsonNode input) {
		String arn = Json.required(input, "ResourceArn");
		for (Table table : this.tables.values()) {
			if (table.arn().equals(arn)) {
				return table;
			}
		}
		throw AwsException.badRequest("ResourceNotFoundException", "Requested resource not found: ResourcArn: " + arn + " not found");
	}

	private static JsonNode requiredKey(JsonNode input) {
		JsonNode key = input.get("Key");
		if (key == null || !key.isObject()) {
			throw AwsException.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
		}
		key.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
		return key;
	}

	private static Predicate<ObjectNode> condition(Expressions expressions, JsonNode input) {
		String expression = Json.string(input, "ConditionExpression");
		return (expression != null) ? expressions.condition(expression, "ConditionExpression") : null;
	}

	private static List<Expressions.Path> projection(Expressions expressions, JsonNode input) {
		String expression = Json.string(input, "ProjectionExpression");
		return (expression != null) ? expressions.projection(expression) : null;
	}

	private static void check(Predicate<ObjectNode> condition, ObjectNode current) {
		if (condition != null && !condition.test(current)) {
			throw AwsException.badRequest("ConditionalCheckFailedException", "The conditional request failed");
		}
	}

	private static ObjectNode project(ObjectNode item, List<Expressions.Path> projection) {
		if (projection == null) {
			return item.deepCopy();
		}
		ObjectNode projected = Json.object();
		for (Expressions.Path path : projection) {
			JsonNode value = item.get(path.top());
			if (value != null) {
				projected.set(path.top(), value.deepCopy());
			}
		}
		return projected;
	}

	private static String returnValues(JsonNode input, Set<String> allowed) {
		String value = Json.string(input, "ReturnValues");
		if (value == null) {
			return "NONE";
		}
		if (!allowed.contains(value)) {
			throw AwsException.validation("ReturnValues can only be " + String.join(" or ", new java.util.TreeSet<>(allowed))
					+ " for this operation, got: " + value);
		}
		return value;
	}

	private static ObjectNode returnOld(JsonNode input, ObjectNode old) {
		String returnValues = returnValues(input, Set.of("NONE", "ALL_OLD"));
		ObjectNode output = Json.object();
		if ("ALL_OLD".equals(returnValues) && old != null) {
			output.set("Attributes", old.deepCopy());
		}
		return output;
	}

	// ---- persistence ---------------------------------------------------------------------------------

	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = Json.object();
		this.tables.forEach((name, table) -> state.set(name, table.toState()));
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.tables.clear();
		Map<String, Table> loaded = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : state.properties()) {
			Table table = Table.fromState(entry.getValue());
			table.description.put("TableStatus", "ACTIVE");
			loaded.put(entry.getKey(), table);
		}
		this.tables.putAll(loaded);
	}

}
