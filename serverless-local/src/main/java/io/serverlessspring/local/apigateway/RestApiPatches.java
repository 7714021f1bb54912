package io.serverlessspring.local.apigateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;

/**
 * API Gateway v1's {@code patchOperations} (UpdateRestApi, UpdateStage, UpdateMethod, …): {@code add},
 * {@code replace} and {@code remove} on a JSON-pointer-like path ({@code /description},
 * {@code /variables/name}, and for stages {@code /{resource}/{method}/throttling/rateLimit} into
 * {@code methodSettings}). Values arrive as strings; known booleans and numbers are stored typed.
 */
final class RestApiPatches {

	private static final Set<String> NUMBERS = Set.of("rateLimit", "burstLimit", "limit", "offset", "timeoutInMillis",
			"cacheTtlInSeconds", "throttlingRateLimit", "throttlingBurstLimit");

	private RestApiPatches() {
	}

	/** Applies the request's patch operations to {@code target}; a path outside {@code allowed} roots is refused. */
	static void apply(ObjectNode target, JsonNode request, Set<String> allowed, boolean stage) {
		JsonNode operations = request.path("patchOperations");
		if (!operations.isArray()) {
			throw badRequest("Invalid patch operations specified: patchOperations must be a list");
		}
		// validate all, then apply: a bad operation changes nothing
		List<Runnable> changes = new ArrayList<>();
		for (JsonNode operation : operations) {
			String op = operation.path("op").asString("");
			String path = operation.path("path").asString("");
			if (!Set.of("add", "replace", "remove").contains(op)) {
				throw badRequest("Invalid patch operation specified. Must be one of: [add, remove, replace]");
			}
			List<String> segments = segments(path);
			if (segments.isEmpty()) {
				throw badRequest("Invalid patch path " + path);
			}
			String value = operation.has("value") && !operation.get("value").isNull() ? operation.get("value").asString() : null;
			if (!"remove".equals(op) && value == null) {
				throw badRequest("Invalid patch operation: value required for " + op + " " + path);
			}
			if (stage && segments.size() == 4) {
				// /{resource path}/{method}/{category}/{field} → methodSettings["resource/method"].categoryField
				String key = segments.get(0) + "/" + segments.get(1);
				String field = segments.get(2) + Character.toUpperCase(segments.get(3).charAt(0)) + segments.get(3).substring(1);
				JsonNode typed = "remove".equals(op) ? null : typed(field, value);
				changes.add(() -> {
					ObjectNode settings = target.withObject("methodSettings").withObject(key);
					if (typed == null) {
						settings.remove(field);
					}
					else {
						settings.set(field, typed);
					}
				});
				continue;
			}
			if (!allowed.contains(segments.get(0))) {
				throw badRequest("Invalid patch path " + path);
			}
			String last = segments.get(segments.size() - 1);
			JsonNode typed = "remove".equals(op) ? null : typed(last, value);
			changes.add(() -> {
				ObjectNode parent = target;
				for (int i = 0; i < segments.size() - 1; i++) {
					parent = parent.withObject(segments.get(i));
				}
				if (typed == null) {
					parent.remove(last);
				}
				else {
					parent.set(last, typed);
				}
			});
		}
		changes.forEach(Runnable::run);
	}

	private static JsonNode typed(String field, String value) {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Json.mapper().getNodeFactory().booleanNode(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
		}
		if (NUMBERS.contains(field)) {
			try {
				return Json.mapper().getNodeFactory().numberNode(new java.math.BigDecimal(value));
			}
			catch (NumberFormatException ex) {
				throw badRequest("Invalid value for " + field + ": " + value + " is not a number");
			}
		}
		return Json.mapper().getNodeFactory().stringNode(value);
	}

	/** {@code /a/b~1c} → [a, b/c]. */
	private static List<String> segments(String path) {
		List<String> segments = new ArrayList<>();
		if (!path.startsWith("/")) {
			return segments;
		}
		for (String segment : path.substring(1).split("/", -1)) {
			if (segment.isEmpty()) {
				return List.of();
			}
			segments.add(segment.replace("~1", "/").replace("~0", "~"));
		}
		return segments;
	}

	private static AwsException badRequest(String message) {
		return AwsException.badRequest("BadRequestException", message);
	}

}
