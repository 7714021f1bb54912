package io.serverlessspring.local.events;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;
import software.amazon.event.ruler.Machine;

/**
 * An EventBridge event pattern, matched by AWS's own Event Ruler (exact values, prefix, suffix,
 * anything-but, numeric ranges, exists, equals-ignore-case, wildcard, {@code $or}), so a rule matches
 * here what it matches on AWS.
 */
public final class EventPattern {

	private final Machine machine;

	private EventPattern(Machine machine) {
		this.machine = machine;
	}

	/** Parses a pattern; one Event Ruler refuses is an {@link IllegalArgumentException} with its reason. */
	public static EventPattern parse(String text) {
		JsonNode node;
		try {
			node = Json.parse(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Event pattern is not valid JSON");
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("Event pattern must be a JSON object");
		}
		Machine machine = Machine.builder().build();
		try {
			machine.addRule("rule", text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(firstLine(ex.getMessage()));
		}
		return new EventPattern(machine);
	}

	/** Whether the event (the JSON EventBridge sends targets) matches. */
	public boolean matches(JsonNode event) {
		try {
			return !this.machine.rulesForJSONEvent(Json.text(event)).isEmpty();
		}
		catch (Exception ex) {
			return false; // an event Event Ruler cannot read matches no pattern
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "not a valid pattern";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
