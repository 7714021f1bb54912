package io.serverlessspring.boot.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Captured task responses in a DynamoDB table (key {@code taskId}, TTL attribute
 * {@code expiresAt}), as {@code docs/reference/events.md} describes. The move to running is a
 * conditional write, so a retried delivery of the same task id runs and stores nothing twice.
 */
public class DynamoDbTaskResponses implements TaskResponses {

	private final Supplier<DynamoDbClient> client;

	private final String table;

	private final Duration ttl;

	private final Clock clock;

	public DynamoDbTaskResponses(Supplier<DynamoDbClient> client, String table, Duration ttl, Clock clock) {
		this.client = client;
		this.table = table;
		this.ttl = ttl;
		this.clock = clock;
	}

	public String table() {
		return this.table;
	}

	@Override
	public void pending(String taskId, String target) {
		Map<String, AttributeValue> item = new HashMap<>(stamp());
		item.put("taskId", s(taskId));
		item.put("target", s(target));
		item.put("state", s(TaskState.PENDING.value()));
		try {
			this.client.get().putItem((put) -> put.tableName(this.table).item(item));
		}
		catch (ResourceNotFoundException ex) {
			throw new IllegalStateException("Task " + target + " captures its response, but the response table '"
					+ this.table + "' (serverless.tasks.response-table) does not exist; the console creates it on deploy"
					+ " when the manifest lists a captured task", ex);
		}
	}

	@Override
	public boolean start(String taskId, String target) {
		Map<String, AttributeValue> values = new HashMap<>(stampValues());
		values.put(":running", s(TaskState.RUNNING.value()));
		values.put(":pending", s(TaskState.PENDING.value()));
		values.put(":target", s(target));
		try {
			this.client.get().updateItem((update) -> update.tableName(this.table)
				.key(Map.of("taskId", s(taskId)))
				.conditionExpression("attribute_not_exists(taskId) OR #state = :pending")
				.updateExpression("SET #state = :running, target = :target, updatedAt = :updatedAt, expiresAt = :expiresAt")
				.expressionAttributeNames(Map.of("#state", "state"))
				.expressionAttributeValues(values));
			return true;
		}
		catch (ConditionalCheckFailedException alreadyStarted) {
			return false;
		}
	}

	@Override
	public void succeeded(String taskId, String resultJson) {
		finish(taskId, TaskState.SUCCEEDED, "result", resultJson);
	}

	@Override
	public void failed(String taskId, String errorJson) {
		finish(taskId, TaskState.FAILED, "error", errorJson);
	}

	private void finish(String taskId, TaskState state, String attribute, String json) {
		Map<String, AttributeValue> values = new HashMap<>(stampValues());
		values.put(":state", s(state.value()));
		values.put(":value", s(json));
		this.client.get().updateItem((update) -> update.tableName(this.table)
			.key(Map.of("taskId", s(taskId)))
			.updateExpression("SET #state = :state, #value = :value, updatedAt = :updatedAt, expiresAt = :expiresAt")
			.expressionAttributeNames(Map.of("#state", "state", "#value", attribute))
			.expressionAttributeValues(values));
	}

	@Override
	public Optional<TaskResponse> find(String taskId) {
		GetItemResponse response = this.client.get()
			.getItem((get) -> get.tableName(this.table).key(Map.of("taskId", s(taskId))).consistentRead(true));
		if (!response.hasItem() || response.item().isEmpty()) {
			return Optional.empty();
		}
		Map<String, AttributeValue> item = response.item();
		return Optional.of(new TaskResponse(taskId, text(item, "target"), TaskState.of(text(item, "state")),
				text(item, "result"), text(item, "error"),
				(text(item, "updatedAt") != null) ? Instant.parse(text(item, "updatedAt")) : null));
	}

	private Map<String, AttributeValue> stamp() {
		Instant now = this.clock.instant();
		return Map.of("updatedAt", s(now.toString()), "expiresAt",
				AttributeValue.fromN(Long.toString(now.plus(this.ttl).getEpochSecond())));
	}

	private Map<String, AttributeValue> stampValues() {
		Map<String, AttributeValue> values = new HashMap<>();
		stamp().forEach((name, value) -> values.put(":" + name, value));
		return values;
	}

	private static AttributeValue s(String value) {
		return AttributeValue.fromS(value);
	}

	private static String text(Map<String, AttributeValue> item, String name) {
		AttributeValue value = item.get(name);
		return (value != null) ? value.s() : null;
	}

}
