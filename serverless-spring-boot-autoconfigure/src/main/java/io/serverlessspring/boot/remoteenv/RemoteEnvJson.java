package io.serverlessspring.boot.remoteenv;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The remote env's JSON: one object of property names to strings, numbers or booleans. */
final class RemoteEnvJson {

	private RemoteEnvJson() {
	}

	static Map<String, Object> properties(S3ObjectLocation object, byte[] json) {
		String where = RemoteEnvPostProcessor.PROPERTY + " = " + object;
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(json);
		}
		catch (JacksonException ex) {
			throw new RemoteEnvException(where + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new RemoteEnvException(where + " must hold a JSON object of property names to values, found "
					+ ((root == null || root.isMissingNode()) ? "nothing" : root.getNodeType().name().toLowerCase()));
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			JsonNode value = entry.getValue();
			if (!(value.isString() || value.isNumber() || value.isBoolean())) {
				throw new RemoteEnvException(where + ": the value of '" + entry.getKey() + "' is "
						+ value.getNodeType().name().toLowerCase() + "; values must be strings, numbers or booleans");
			}
			properties.put(entry.getKey(), value.asString());
		}
		return properties;
	}

}
