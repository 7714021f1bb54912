package io.serverlessspring.shell.remote;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The invocation envelopes of {@code docs/reference/events.md} the console sends: {@code invoke},
 * {@code raw} and {@code manage}.
 */
public final class Envelopes {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Envelopes() {
	}

	/**
	 * {@code {"serverless":{"kind":"invoke","target":…,"args":[…]}}}.
	 *
	 * @param target {@code bean#method}, a stable id, or a function definition
	 * @param jsonArgs a JSON array of arguments, a single JSON value (one argument), or {@code null}/blank for none
	 */
	public static String invoke(String target, String jsonArgs) {
		if (target == null || target.isBlank()) {
			throw new IllegalArgumentException("invoke needs a target: bean#method (e.g. petService#countPets) or a "
					+ "function name, or --raw EXPRESSION, or --payload FILE|JSON");
		}
		ObjectNode body = envelope("invoke");
		body.put("target", target);
		body.set("args", arguments(jsonArgs));
		return wrap(body);
	}

	/** {@code {"serverless":{"kind":"raw","expression":…}}}: a SpEL expression evaluated in the app. */
	public static String raw(String expression) {
		ObjectNode body = envelope("raw");
		body.put("expression", expression);
		return wrap(body);
	}

	/** {@code {"serverless":{"kind":"manage","command":…,"args":[…]}}}. */
	public static String manage(String command, List<String> args) {
		if (command == null || command.isBlank()) {
			throw new IllegalArgumentException("manage needs a command: an actuator endpoint (health, info, env, ...), "
					+ "a registered command, or 'help' to list them");
		}
		ObjectNode body = envelope("manage");
		body.put("command", command);
		ArrayNode array = body.putArray("args");
		args.forEach(array::add);
		return wrap(body);
	}

	static ArrayNode arguments(String jsonArgs) {
		if (jsonArgs == null || jsonArgs.isBlank()) {
			return JSON.createArrayNode();
		}
		JsonNode parsed;
		try {
			parsed = JSON.readTree(jsonArgs);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("json-args is not JSON: " + jsonArgs
					+ " (give a JSON array such as '[\"rex\", 3]', or one JSON value such as '\"rex\"' or 42)");
		}
		if (parsed.isArray()) {
			return (ArrayNode) parsed;
		}
		ArrayNode single = JSON.createArrayNode();
		single.add(parsed);
		return single;
	}

	private static ObjectNode envelope(String kind) {
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", kind);
		return body;
	}

	private static String wrap(ObjectNode body) {
		ObjectNode root = JSON.createObjectNode();
		root.set("serverless", body);
		return JSON.writeValueAsString(root);
	}

}
