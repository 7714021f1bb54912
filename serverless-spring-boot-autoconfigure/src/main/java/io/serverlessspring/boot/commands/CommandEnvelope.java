package io.serverlessspring.boot.commands;

import tools.jackson.databind.JsonNode;

/** Reads the {@code {"serverless": {"kind": ...}}} envelopes of {@code docs/reference/events.md}. */
public final class CommandEnvelope {

	private CommandEnvelope() {
	}

	/** The {@code serverless} object of an envelope, or {@code null} when the JSON is not one. */
	public static JsonNode body(JsonNode json) {
		if (json == null || !json.isObject()) {
			return null;
		}
		JsonNode body = json.get("serverless");
		return (body != null && body.isObject()) ? body : null;
	}

	/** The envelope's kind, or {@code null}. */
	public static String kind(JsonNode json) {
		JsonNode body = body(json);
		return (body != null) ? body.path("kind").asString(null) : null;
	}

}
