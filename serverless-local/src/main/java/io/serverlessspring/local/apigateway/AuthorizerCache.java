package io.serverlessspring.local.apigateway;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * Lambda authorizer answers kept for the authorizer's result TTL, by authorizer and identity, as API
 * Gateway caches them: within the TTL the same identity gets the cached policy (evaluated against the
 * new method or route ARN) without the function being called.
 */
final class AuthorizerCache {

	/** Entries at most; beyond, expired ones go, then all (a local cloud has no business with more). */
	private static final int LIMIT = 10_000;

	private record Entry(JsonNode answer, Instant expires) {
	}

	/**
	 * What one request's lookup uses.
	 * @param key the authorizer (its id and configuration) and the identity values
	 */
	record Use(AuthorizerCache cache, String key, int ttlSeconds) {

		/** A use of {@code cache}, or null when the TTL is 0 or there is no identity to key on (no caching). */
		static Use of(AuthorizerCache cache, String authorizerKey, java.util.List<String> identities, int ttlSeconds) {
			return (ttlSeconds <= 0 || identities.isEmpty()) ? null
					: new Use(cache, authorizerKey + "\n" + String.join("\n", identities), ttlSeconds);
		}

	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	JsonNode get(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry == null || !entry.expires().isAfter(now)) {
			return null;
		}
		return entry.answer();
	}

	void put(String key, JsonNode answer, Instant now, int ttlSeconds) {
		if (this.entries.size() >= LIMIT) {
			this.entries.values().removeIf((e) -> !e.expires().isAfter(now));
			if (this.entries.size() >= LIMIT) {
				this.entries.clear();
			}
		}
		this.entries.put(key, new Entry(answer, now.plusSeconds(ttlSeconds)));
	}

}
