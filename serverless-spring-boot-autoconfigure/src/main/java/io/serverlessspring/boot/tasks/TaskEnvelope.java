package io.serverlessspring.boot.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.serverlessspring.boot.routing.ServerlessEnvelope;
import io.serverlessspring.boot.targets.BadArgumentsException;
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

	/**
	 * The envelope in {@code json}, if it is one.
	 * @throws BadArgumentsException when it is a task envelope whose fields have the wrong type
	 */
	public static Optional<TaskEnvelope> from(JsonNode json) {
		if (!isTask(json)) {
			return Optional.empty();
		}
		JsonNode body = ServerlessEnvelope.body(json);
		JsonNode args = body.path("args");
		if (!args.isMissingNode() && !args.isNull() && !args.isArray()) {
			throw malformed("'args' must be a JSON array of the method's arguments, not " + args.getNodeType().name().toLowerCase());
		}
		String target = text(body, "target");
		if (target == null || target.isBlank()) {
			throw malformed("'target' is missing: it names the method (bean#method) or function bean to run");
		}
		JsonNode capture = body.path("captureResponse");
		if (!capture.isMissingNode() && !capture.isNull() && !capture.isBoolean()) {
			throw malformed("'captureResponse' must be true or false");
		}
		String sentAt = text(body, "sentAt");
		Instant sent = null;
		if (sentAt != null) {
			try {
				sent = Instant.parse(sentAt);
			}
			catch (DateTimeParseException ex) {
				throw malformed("'sentAt' must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, not '" + sentAt + "'");
			}
		}
		return Optional.of(new TaskEnvelope(text(body, "taskId"), target, args.isArray() ? (ArrayNode) args : null,
				capture.asBoolean(false), sent));
	}

	/** A text field's value; {@code null} when absent or null; an object or array is not a text. */
	private static String text(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw malformed("'" + field + "' must be a string, not " + value.getNodeType().name().toLowerCase());
		}
		return value.asString();
	}

	private static BadArgumentsException malformed(String problem) {
		return new BadArgumentsException("Malformed task envelope: " + problem);
	}

}
