package io.serverlessspring.boot.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JsonPointer;

/**
 * Compiled JSON pointers by their text. {@code JsonNode.at(String)} compiles the pointer on every
 * call; the routes ask the same few pointers of every event, so each is compiled once.
 */
public final class JsonPointers {

	/** Pointers come from code and settings, a few dozen; past this, compile without keeping. */
	private static final int LIMIT = 1024;

	private static final Map<String, JsonPointer> COMPILED = new ConcurrentHashMap<>();

	private JsonPointers() {
	}

	/** The compiled form of a pointer such as {@code /requestContext/http/method}. */
	public static JsonPointer of(String pointer) {
		JsonPointer compiled = COMPILED.get(pointer);
		if (compiled == null) {
			compiled = JsonPointer.compile(pointer);
			if (COMPILED.size() < LIMIT) {
				COMPILED.putIfAbsent(pointer, compiled);
			}
		}
		return compiled;
	}

}
