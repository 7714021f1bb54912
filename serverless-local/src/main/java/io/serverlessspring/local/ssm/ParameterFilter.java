package io.serverlessspring.local.ssm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;

/**
 * One {@code ParameterFilters} entry of DescribeParameters / GetParametersByPath ({@code Name},
 * {@code Path}, {@code Type}, {@code KeyId}, {@code Tier}, {@code DataType}, {@code tag:<key>}; each
 * operation allows its own keys), or one legacy {@code Filters} entry of DescribeParameters.
 */
record ParameterFilter(String key, String option, List<String> values) {

	static List<ParameterFilter> read(JsonNode filters, Set<String> allowedKeys) {
		List<ParameterFilter> read = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (JsonNode filter : filters) {
			String key = Json.required(filter, "Key");
			if (!key.startsWith("tag:") && !allowedKeys.contains(key)) {
				throw AwsException.badRequest("InvalidFilterKey", "The following filter key is not valid: " + key
						+ ". Valid filter keys include: " + allowedKeys.stream().sorted().toList() + ".");
			}
			if (!seen.add(key)) {
				throw AwsException.badRequest("InvalidFilterKey", "The following filter is duplicated in the request: "
						+ key + ". A request can contain only one occurrence of a specific filter.");
			}
			List<String> values = Json.stringList(filter, "Values");
			if (values.isEmpty() && !key.startsWith("tag:")) {
				throw AwsException.badRequest("InvalidFilterValue",
						"The following filter values are missing : null for filter key " + key + ".");
			}
			String option = Json.string(filter, "Option");
			Set<String> options = switch (key) {
				case "Path" -> Set.of("OneLevel", "Recursive");
				case "Name" -> Set.of("Equals", "BeginsWith", "Contains");
				default -> Set.of("Equals", "BeginsWith");
			};
			option = (option != null) ? option : ("Path".equals(key) ? "OneLevel" : "Equals");
			if (!options.contains(option)) {
				throw AwsException.badRequest("InvalidFilterOption", "The following filter option is not valid: " + option
						+ ". Valid options include: " + options.stream().sorted().toList() + ".");
			}
			if ("Path".equals(key)) {
				values = values.stream().map(ParameterNames::validatePath).toList();
			}
			read.add(new ParameterFilter(key, option, values));
		}
		return read;
	}

	/** DescribeParameters' older {@code Filters} ({@code Name} begins with, {@code Type}, {@code KeyId}). */
	static List<ParameterFilter> readLegacy(JsonNode filters) {
		List<ParameterFilter> read = new ArrayList<>();
		for (JsonNode filter : filters) {
			String key = Json.required(filter, "Key");
			if (!Set.of("Name", "Type", "KeyId").contains(key)) {
				throw AwsException.validation("1 validation error detected: Value '" + key + "' at 'filters.1.member.key' "
						+ "failed to satisfy constraint: Member must satisfy enum value set: [Name, Type, KeyId]");
			}
			read.add(new ParameterFilter(key, "Name".equals(key) ? "BeginsWith" : "Equals", Json.stringList(filter, "Values")));
		}
		return read;
	}

	static boolean matchAll(List<ParameterFilter> filters, ParameterVersion parameter, ParameterStore store) {
		return filters.stream().allMatch((filter) -> filter.matches(parameter, store));
	}

	boolean matches(ParameterVersion parameter, ParameterStore store) {
		if (this.key.startsWith("tag:")) {
			Map<String, String> tags = store.tags(parameter.name());
			String tagKey = this.key.substring("tag:".length());
			return tags.containsKey(tagKey) && (this.values.isEmpty() || test(tags.get(tagKey)));
		}
		return switch (this.key) {
			case "Name" -> test(parameter.name()) || test(absolute(parameter.name()));
			case "Path" -> this.values.stream()
				.anyMatch((path) -> ParameterNames.isUnder(parameter.name(), path, "Recursive".equals(this.option)));
			case "Type" -> test(parameter.type());
			case "KeyId" -> parameter.keyId() != null && test(parameter.keyId());
			case "Tier" -> test(parameter.tier());
			case "DataType" -> test(parameter.dataType());
			// no labels are kept here
			default -> false;
		};
	}

	private boolean test(String actual) {
		return this.values.stream().anyMatch((value) -> switch (this.option) {
			case "BeginsWith" -> actual.startsWith(value);
			case "Contains" -> actual.contains(value);
			default -> actual.equals(value);
		});
	}

	private static String absolute(String name) {
		return name.startsWith("/") ? name : "/" + name;
	}

}
