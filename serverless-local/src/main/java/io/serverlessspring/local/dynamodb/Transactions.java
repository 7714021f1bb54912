package io.serverlessspring.local.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;

/**
 * TransactWriteItems and TransactGetItems: every action is validated and every condition checked
 * before anything is written; one failed condition cancels all with
 * {@code TransactionCanceledException} and its {@code CancellationReasons}, as DynamoDB answers.
 * Called with the service's lock held.
 */
final class Transactions {

	/** One prepared write: where, under which condition, and what it does to the item (null = delete). */
	private record Write(Table table, String key, ObjectNode keyNode, Predicate<ObjectNode> condition,
			Function<ObjectNode, ObjectNode> action) {
	}

	/** The cancellation, rendered with its reasons (the SDK reads them from the error body). */
	static final class Cancelled extends AwsException {

		final ArrayNode reasons;

		Cancelled(ArrayNode reasons, List<String> codes) {
			super(400, "TransactionCanceledException",
					"Transaction cancelled, please refer cancellation reasons for specific reasons [" + String.join(", ", codes) + "]");
			this.reasons = reasons;
		}

		AwsResponse render(String requestId) {
			ObjectNode body = Json.object();
			body.put("__type", code());
			body.put("message", getMessage());
			body.set("CancellationReasons", this.reasons);
			return AwsResponse.json(400, body).header("x-amzn-ErrorType", code()).header("x-amzn-RequestId", requestId);
		}

	}

	private Transactions() {
	}

	static ObjectNode write(JsonNode input, Function<JsonNode, Table> tables) {
		JsonNode items = input.path("TransactItems");
		if (!items.isArray() || items.isEmpty() || items.size() > 100) {
			throw AwsException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1");
		}
		List<Write> writes = new ArrayList<>();
		Set<String> touched = new HashSet<>();
		for (JsonNode item : items) {
			if (item.size() != 1) {
				throw AwsException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
			}
			String kind = item.propertyNames().iterator().next();
			JsonNode spec = item.get(kind);
			Table table = tables.apply(spec);
			Expressions expressions = new Expressions(spec);
			String conditionText = Json.string(spec, "ConditionExpression");
			Predicate<ObjectNode> condition = (conditionText != null) ? expressions.condition(conditionText, "ConditionExpression") : null;
			Write write = switch (kind) {
				case "Put" -> {
					JsonNode put = spec.get("Item");
					if (put == null || !put.isObject()) {
						throw AwsException.validation("1 validation error detected: Value null at 'transactItems.member.put.item' failed to satisfy constraint: Member must not be null");
					}
					put.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
					ObjectNode copy = (ObjectNode) put.deepCopy();
					yield new Write(table, table.keyOf(put, false), null, condition, (old) -> copy);
				}
				case "Delete" -> {
					JsonNode key = key(spec);
					yield new Write(table, table.keyOf(key, true), null, condition, (old) -> null);
				}
				case "ConditionCheck" -> {
					if (condition == null) {
						throw AwsException.validation("1 validation error detected: Value null at 'transactItems.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
					}
					JsonNode key = key(spec);
					yield new Write(table, table.keyOf(key, true), null, condition, (old) -> old);
				}
				case "Update" -> {
					JsonNode key = key(spec);
					Set<String> keyAttributes = new HashSet<>();
					key.propertyNames().forEach(keyAttributes::add);
					Consumer<ObjectNode> update = expressions.update(Json.required(spec, "UpdateExpression"), keyAttributes);
					ObjectNode keyNode = (ObjectNode) key.deepCopy();
					yield new Write(table, table.keyOf(key, true), keyNode, condition, (old) -> {
						ObjectNode updated = (old != null) ? old.deepCopy() : keyNode.deepCopy();
						update.accept(updated);
						updated.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
						return updated;
					});
				}
				default -> throw AwsException.validation("TransactItems can only contain one of ConditionCheck, Put, Update or Delete, not " + kind);
			};
			expressions.checkAllUsed();
			if (!touched.add(table.name() + "\u0000" + write.key())) {
				throw AwsException.validation("Transaction request cannot include multiple operations on one item");
			}
			writes.add(write);
		}
		ArrayNode reasons = Json.array();
		List<String> codes = new ArrayList<>();
		boolean cancelled = false;
		for (Write write : writes) {
			ObjectNode current = write.table().items.get(write.key());
			boolean passes = write.condition() == null || write.condition().test(current);
			ObjectNode reason = reasons.addObject();
			if (passes) {
				reason.put("Code", "None");
				codes.add("None");
			}
			else {
				reason.put("Code", "ConditionalCheckFailed");
				reason.put("Message", "The conditional request failed");
				codes.add("ConditionalCheckFailed");
				cancelled = true;
			}
		}
		if (cancelled) {
			throw new Cancelled(reasons, codes);
		}
		// compute every new item before changing anything: an invalid update cancels nothing half-done
		List<ObjectNode> results = new ArrayList<>();
		for (Write write : writes) {
			results.add(write.action().apply(write.table().items.get(write.key())));
		}
		for (int i = 0; i < writes.size(); i++) {
			Write write = writes.get(i);
			ObjectNode result = results.get(i);
			if (result == null) {
				write.table().write(write.key(), null);
			}
			else {
				write.table().write(write.key(), result);
			}
		}
		return Json.object();
	}

	static ObjectNode get(JsonNode input, Function<JsonNode, Table> tables) {
		JsonNode items = input.path("TransactItems");
		if (!items.isArray() || items.isEmpty() || items.size() > 100) {
			throw AwsException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1");
		}
		ObjectNode output = Json.object();
		ArrayNode responses = output.putArray("Responses");
		for (JsonNode item : items) {
			JsonNode spec = item.get("Get");
			if (spec == null) {
				throw AwsException.validation("TransactGetItems can only contain Get actions");
			}
			Table table = tables.apply(spec);
			Expressions expressions = new Expressions(spec);
			String projectionText = Json.string(spec, "ProjectionExpression");
			List<Expressions.Path> projection = (projectionText != null) ? expressions.projection(projectionText) : null;
			expressions.checkAllUsed();
			ObjectNode found = table.items.get(table.keyOf(key(spec), true));
			ObjectNode response = responses.addObject();
			if (found != null) {
				ObjectNode projected = Json.object();
				if (projection == null) {
					projected = found.deepCopy();
				}
				else {
					for (Expressions.Path path : projection) {
						if (found.has(path.top())) {
							projected.set(path.top(), found.get(path.top()).deepCopy());
						}
					}
				}
				response.set("Item", projected);
			}
		}
		return output;
	}

	private static JsonNode key(JsonNode spec) {
		JsonNode key = spec.get("Key");
		if (key == null || !key.isObject()) {
			throw AwsException.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
		}
		key.properties().forEach((e) -> AttributeValues.validate(e.getValue()));
		return key;
	}

}
