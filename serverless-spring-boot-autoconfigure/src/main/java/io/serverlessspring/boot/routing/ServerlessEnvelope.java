package io.serverlessspring.boot.routing;

import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code {"serverless": {"kind": ...}}} envelopes of {@code docs/reference/events.md}
 * (tasks, schedules, keep-warm pings, commands): here, below the routes, because each route
 * recognises its own kind with it.
 */
public final class ServerlessEnvelope {

	/** The top-level field every envelope is wrapped in. */
	public static final String FIELD = "serverless";

	private ServerlessEnvelope() {
	}

	/** The {@code serverless} object of an envelope, or {@code null} when the JSON is not one. */
	public static JsonNode body(JsonNode json) {
		if (json == null || !json.isObject()) {
			return null;
		}
		JsonNode body = json.get(FIELD);
		return (body != null && body.isObject()) ? body : null;
	}

	/** The envelope's kind, or {@code null}. */
	public static String kind(JsonNode json) {
		JsonNode body = body(json);
		return (body != null) ? body.path("kind").asString(null) : null;
	}

}
