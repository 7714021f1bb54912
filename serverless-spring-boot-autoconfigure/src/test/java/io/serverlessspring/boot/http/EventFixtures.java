package io.serverlessspring.boot.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Events as AWS sends them, from {@code src/test/resources/events/<event-type>/}. */
final class EventFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private EventFixtures() {
	}

	/** The fixture as a mutable tree, e.g. {@code load("http-api-v2/get-pet.json")}. */
	static ObjectNode load(String name) {
		try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture events/" + name);
			}
			return (ObjectNode) JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}
