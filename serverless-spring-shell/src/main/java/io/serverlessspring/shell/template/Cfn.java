package io.serverlessspring.shell.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** CloudFormation's building blocks as plain maps and lists: intrinsic functions, tags, JSON documents. */
final class Cfn {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Cfn() {
	}

	static Map<String, Object> ref(String name) {
		return map("Ref", name);
	}

	static Map<String, Object> getAtt(String logicalId, String attribute) {
		return map("Fn::GetAtt", List.of(logicalId, attribute));
	}

	static Map<String, Object> sub(String text) {
		return map("Fn::Sub", text);
	}

	static Map<String, Object> join(String separator, List<Object> parts) {
		return map("Fn::Join", List.of(separator, parts));
	}

	/** An ordered map of the given keys and values; a {@code null} value leaves its key out. */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return map;
	}

	static List<Map<String, Object>> tagList(Map<String, String> tags) {
		List<Map<String, Object>> list = new ArrayList<>();
		tags.forEach((key, value) -> list.add(map("Key", key, "Value", value)));
		return list;
	}

	/** A JSON document (a policy) as a map, so it is written as YAML rather than as a string. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> json(String document) {
		return JSON.readValue(document, LinkedHashMap.class);
	}

	static String jsonText(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** Wraps every plain string that mentions {@code ${AWS::...}} in {@code Fn::Sub}. */
	@SuppressWarnings("unchecked")
	static <T> T subAll(T node) {
		if (node instanceof Map<?, ?> map) {
			if (map.size() == 1 && (map.containsKey("Fn::Sub") || map.containsKey("Ref") || map.containsKey("Fn::GetAtt"))) {
				return node;
			}
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, value) -> copy.put((String) key, subAll(value)));
			return (T) copy;
		}
		if (node instanceof List<?> list) {
			List<Object> copy = new ArrayList<>();
			list.forEach(item -> copy.add(subAll(item)));
			return (T) copy;
		}
		if (node instanceof String text && text.contains("${AWS::")) {
			return (T) sub(text);
		}
		return node;
	}

}
