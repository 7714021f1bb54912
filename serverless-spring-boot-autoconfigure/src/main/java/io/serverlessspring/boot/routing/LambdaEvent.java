package io.serverlessspring.boot.routing;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload of one invocation: the raw bytes Lambda delivered and their JSON tree, parsed once
 * and shared by every route that looks at it.
 */
public final class LambdaEvent {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final byte[] payload;

	private final JsonNode json;

	private LambdaEvent(byte[] payload, JsonNode json) {
		this.payload = payload;
		this.json = json;
	}

	/**
	 * Parses the payload.
	 * @throws UnroutableEventException when the payload is empty or not JSON
	 */
	public static LambdaEvent parse(byte[] payload) {
		if (payload == null || payload.length == 0) {
			throw new UnroutableEventException("The event is empty: Lambda delivered no payload.");
		}
		try {
			return new LambdaEvent(payload, MAPPER.readTree(payload));
		}
		catch (JacksonException ex) {
			throw new UnroutableEventException("The event is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The bytes exactly as Lambda delivered them. */
	public byte[] payload() {
		return this.payload;
	}

	/** The payload as a JSON tree; may be an object, array or scalar. */
	public JsonNode json() {
		return this.json;
	}

	/** Whether the top-level JSON is an object with this field. */
	public boolean has(String field) {
		return this.json.isObject() && this.json.has(field);
	}

	/** The text at a JSON pointer such as {@code /requestContext/http/method}, or {@code null}. */
	public String text(String jsonPointer) {
		JsonNode node = this.json.at(JsonPointers.of(jsonPointer));
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/** A description of the event's shape for error messages: its kind and top-level keys, no values. */
	public String describeShape() {
		if (!this.json.isObject()) {
			return "a JSON " + this.json.getNodeType().name().toLowerCase();
		}
		List<String> keys = new ArrayList<>(this.json.propertyNames());
		return "a JSON object with keys " + keys;
	}

}
