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
 * List members ({@code binaryMediaTypes}, {@code endpointConfiguration/types} and {@code /vpcEndpointIds}, an
 * authorizer's {@code providerARNs})
 * follow API Gateway's list semantics: the element is the path's last segment
 * ({@code add /binaryMediaTypes/image~1png}, no value; {@code replace /endpointConfiguration/types/EDGE}
 * with value {@code REGIONAL}; {@code remove /binaryMediaTypes/image~1png}), or the value when the path
 * names the list itself ({@code add /endpointConfiguration/vpcEndpointIds}, value {@code vpce-…}).
 */
final class RestApiPatches {

	/** Paths whose value is a list of strings, patched element by element. */
	private static final Set<String> LISTS = Set.of("binaryMediaTypes", "endpointConfiguration/types",
			"endpointConfiguration/vpcEndpointIds", "providerARNs");

	private static final Set<String> ENDPOINT_TYPES = Set.of("EDGE", "REGIONAL", "PRIVATE");

	private static final Set<String> NUMBERS = Set.of("rateLimit", "burstLimit", "limit", "offset", "timeoutInMillis",
			"authorizerResultTtlInSeconds",
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
			if (allowed.contains(segments.get(0)) && listPath(segments) != null) {
				changes.add(listChange(target, op, path, segments, value));
				continue;
			}
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

	/** The list a path names or points into ({@code binaryMediaTypes}, …), or null. */
	private static String listPath(List<String> segments) {
		String whole = String.join("/", segments);
		if (LISTS.contains(whole)) {
			return whole;
		}
		String parent = String.join("/", segments.subList(0, segments.size() - 1));
		return LISTS.contains(parent) ? parent : null;
	}

	/** One list operation, validated now against the list as it is, applied later. */
	private static Runnable listChange(ObjectNode target, String op, String path, List<String> segments, String value) {
		String list = listPath(segments);
		boolean wholeList = list.equals(String.join("/", segments));
		String element = wholeList ? value : segments.get(segments.size() - 1);
		if (element == null || element.isBlank()) {
			throw badRequest("Invalid patch operation: " + op + " " + path + " needs a value (the element to " + op + ")");
		}
		List<String> listSegments = List.of(list.split("/"));
		List<String> current = members(target, listSegments);
		String replacement = "replace".equals(op) ? value : null;
		if ("replace".equals(op)) {
			if (wholeList || replacement == null) {
				throw badRequest("Invalid patch operation: replace " + path + " needs the element to replace in the path and its"
						+ " replacement as value");
			}
			if (!current.contains(element)) {
				throw badRequest("Invalid patch path " + path + ": " + element + " is not in " + list + " " + current);
			}
		}
		boolean endpointTypes = list.equals("endpointConfiguration/types");
		String added = "add".equals(op) ? element : replacement;
		if (endpointTypes && added != null && !ENDPOINT_TYPES.contains(added)) {
			throw badRequest("Invalid endpoint type " + added + " for " + path + "; must be one of " + ENDPOINT_TYPES);
		}
		return () -> {
			// read again: earlier operations of the same request may have changed the list
			List<String> updated = members(target, listSegments);
			switch (op) {
				case "add" -> {
					if (!updated.contains(element)) {
						updated.add(element);
					}
				}
				case "remove" -> updated.remove(element);
				default -> {
					int at = updated.indexOf(element);
					if (at >= 0) {
						updated.set(at, replacement);
					}
				}
			}
			ObjectNode parent = target;
			for (String segment : listSegments.subList(0, listSegments.size() - 1)) {
				parent = parent.withObject(segment);
			}
			var array = parent.putArray(listSegments.get(listSegments.size() - 1));
			updated.stream().distinct().forEach(array::add);
		};
	}

	private static List<String> members(JsonNode target, List<String> listSegments) {
		List<String> members = new ArrayList<>();
		JsonNode list = target;
		for (String segment : listSegments) {
			list = list.path(segment);
		}
		list.forEach((e) -> members.add(e.asString()));
		return members;
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
