package io.serverlessspring.local.lambda;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;
import software.amazon.event.ruler.Machine;

/**
 * An event source mapping's {@code FilterCriteria}: Lambda event filtering, i.e. EventBridge patterns
 * (matched by AWS's own Event Ruler) OR-ed over {@code Filters[].Pattern}, applied to each record. As
 * on AWS, an SQS record's {@code body} is matched as JSON when it is a JSON object or array (else as
 * the plain string), a stream record as it is sent ({@code eventName}, {@code dynamodb.NewImage}, …).
 */
final class EventFilter {

	/** AWS's default quota of filters per event source mapping. */
	private static final int MAX_FILTERS = 5;

	private final Machine machine;

	private EventFilter(Machine machine) {
		this.machine = machine;
	}

	/**
	 * The filter for a {@code FilterCriteria} value, or null when it filters nothing (absent, or no
	 * {@code Filters}); an invalid pattern is an {@code InvalidParameterValueException} naming it.
	 */
	static EventFilter of(JsonNode criteria) {
		if (criteria == null || criteria.isNull() || criteria.isMissingNode()) {
			return null;
		}
		if (!criteria.isObject() || (criteria.has("Filters") && !criteria.get("Filters").isArray())) {
			throw LambdaErrors.invalid("FilterCriteria must be an object with a list Filters of {\"Pattern\": \"<JSON>\"}");
		}
		JsonNode filters = criteria.path("Filters");
		if (filters.isEmpty()) {
			return null;
		}
		if (filters.size() > MAX_FILTERS) {
			throw LambdaErrors.invalid("FilterCriteria.Filters has " + filters.size() + " filters; at most " + MAX_FILTERS
					+ " are allowed per event source mapping");
		}
		Machine machine = Machine.builder().build();
		for (int i = 0; i < filters.size(); i++) {
			JsonNode pattern = filters.get(i).path("Pattern");
			if (!pattern.isString()) {
				throw LambdaErrors.invalid("FilterCriteria.Filters[" + i + "].Pattern is required: a JSON filter pattern as a string");
			}
			try {
				machine.addRule(String.valueOf(i), pattern.asString());
			}
			catch (Exception ex) {
				throw LambdaErrors.invalid("Invalid filter pattern definition in FilterCriteria.Filters[" + i + "].Pattern: "
						+ firstLine(ex.getMessage()));
			}
		}
		return new EventFilter(machine);
	}

	/** Whether the record (as the function would get it) matches one of the patterns. */
	boolean matches(ObjectNode record) {
		ObjectNode matched = record;
		JsonNode body = record.get("body");
		if (body != null && body.isString()) {
			JsonNode parsed = parseOrNull(body.asString());
			if (parsed != null && parsed.isContainer()) {
				matched = record.deepCopy();
				matched.set("body", parsed);
			}
		}
		try {
			return !this.machine.rulesForJSONEvent(Json.mapper().writeValueAsString(matched)).isEmpty();
		}
		catch (Exception ex) {
			return false; // a record Event Ruler cannot read matches no pattern
		}
	}

	private static JsonNode parseOrNull(String text) {
		try {
			return Json.parse(text);
		}
		catch (RuntimeException notJson) {
			return null;
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
