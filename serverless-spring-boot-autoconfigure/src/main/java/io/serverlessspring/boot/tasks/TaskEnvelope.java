package io.serverlessspring.boot.tasks;

import java.time.Instant;
import java.util.Optional;

import io.serverlessspring.boot.routing.ServerlessEnvelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The task envelope of {@code docs/reference/events.md}: which method, with which JSON arguments. */
public record TaskEnvelope(String taskId, String target, ArrayNode args, boolean captureResponse, Instant sentAt) {

	/** The {@code serverless.kind} of a task. */
	public static final String KIND = "task";

	/** {@code {"serverless": {"kind": "task", ...}}}. */
	public ObjectNode toJson(JsonMapper mapper) {
		ObjectNode root = mapper.createObjectNode();
		ObjectNode body = root.putObject(ServerlessEnvelope.FIELD);
		body.put("kind", KIND);
		body.put("version", 1);
		body.put("taskId", this.taskId);
		body.put("target", this.target);
		body.set("args", this.args);
		body.put("captureResponse", this.captureResponse);
		body.put("sentAt", this.sentAt.toString());
		return root;
	}

	/** Whether this JSON is a task envelope. */
	public static boolean isTask(JsonNode json) {
		return KIND.equals(ServerlessEnvelope.kind(json));
	}

	/** The envelope in {@code json}, if it is one. */
	public static Optional<TaskEnvelope> from(JsonNode json) {
		if (!isTask(json)) {
			return Optional.empty();
		}
		JsonNode body = ServerlessEnvelope.body(json);
		JsonNode args = body.path("args");
		String sentAt = body.path("sentAt").asString(null);
		return Optional.of(new TaskEnvelope(body.path("taskId").asString(null), body.path("target").asString(null),
				args.isArray() ? (ArrayNode) args : null, body.path("captureResponse").asBoolean(false),
				(sentAt != null) ? Instant.parse(sentAt) : null));
	}

}
