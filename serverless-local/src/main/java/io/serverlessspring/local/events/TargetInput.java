package io.serverlessspring.local.events;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.Json;

/**
 * What a rule target receives: its constant {@code Input}, the part of the event its {@code InputPath}
 * selects, its {@code InputTransformer}'s template filled in, or else the event itself.
 */
final class TargetInput {

	private TargetInput() {
	}

	static String render(JsonNode target, JsonNode event) {
		if (target.hasNonNull("Input")) {
			return target.get("Input").asString();
		}
		if (target.hasNonNull("InputPath")) {
			JsonNode selected = select(event, target.get("InputPath").asString());
			return (selected != null) ? Json.text(selected) : "null";
		}
		JsonNode transformer = target.get("InputTransformer");
		if (transformer != null && transformer.isObject()) {
			String template = transformer.path("InputTemplate").asString("");
			for (Map.Entry<String, JsonNode> variable : transformer.path("InputPathsMap").properties()) {
				JsonNode value = select(event, variable.getValue().asString());
				String text = (value == null) ? "" : value.isString() ? value.asString() : Json.text(value);
				template = template.replace("<" + variable.getKey() + ">", text);
			}
			return template.replace("<aws.events.event>", Json.text(event))
				.replace("<aws.events.rule-arn>", event.path("resources").path(0).asString(""));
		}
		return Json.text(event);
	}

	/** A simple JSONPath: {@code $}, {@code $.a.b}, {@code $.a[0]}. */
	static JsonNode select(JsonNode root, String path) {
		if (path == null || !path.startsWith("$")) {
			return null;
		}
		JsonNode node = root;
		for (String part : path.substring(1).split("\\.")) {
			if (part.isEmpty()) {
				continue;
			}
			String name = part;
			Integer index = null;
			int bracket = part.indexOf('[');
			if (bracket >= 0) {
				name = part.substring(0, bracket);
				index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
			}
			if (!name.isEmpty()) {
				node = (node != null) ? node.get(name) : null;
			}
			if (index != null) {
				node = (node != null) ? node.get(index) : null;
			}
		}
		return node;
	}

}
