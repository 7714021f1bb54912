package io.serverlessspring.local.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the query protocol's flattened structures: {@code Tags.member.1.Key=k&Tags.member.1.Value=v},
 * {@code AttributeNames.member.1=x}, {@code Attributes.entry.1.key=…}.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/** A required parameter; missing is a {@code ValidationError} naming it, as IAM and STS answer. */
	public static String required(Map<String, String> form, String name) {
		String value = form.get(name);
		if (value == null || value.isEmpty()) {
			throw AwsException.badRequest("ValidationError",
					"1 validation error detected: Value null at '" + Json.lowerFirst(name)
							+ "' failed to satisfy constraint: Member must not be null");
		}
		return value;
	}

	/** {@code prefix.1}, {@code prefix.2}, … as a list (e.g. prefix {@code AttributeNames.member}). */
	public static List<String> list(Map<String, String> form, String prefix) {
		List<String> values = new ArrayList<>();
		for (int i = 1; form.containsKey(prefix + "." + i); i++) {
			values.add(form.get(prefix + "." + i));
		}
		return values;
	}

	/** {@code prefix.1.Field}, … as a list of field maps (e.g. prefix {@code Tags.member}). */
	public static List<Map<String, String>> structures(Map<String, String> form, String prefix) {
		List<Map<String, String>> values = new ArrayList<>();
		for (int i = 1;; i++) {
			String itemPrefix = prefix + "." + i + ".";
			Map<String, String> item = new LinkedHashMap<>();
			form.forEach((key, value) -> {
				if (key.startsWith(itemPrefix)) {
					item.put(key.substring(itemPrefix.length()), value);
				}
			});
			if (item.isEmpty()) {
				return values;
			}
			values.add(item);
		}
	}

	/** {@code prefix.1.Key}/{@code prefix.1.Value} pairs as a map (the shape of IAM tags). */
	public static Map<String, String> keyValues(Map<String, String> form, String prefix, String keyField,
			String valueField) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map<String, String> item : structures(form, prefix)) {
			values.put(item.get(keyField), item.getOrDefault(valueField, ""));
		}
		return values;
	}

}
