package io.serverlessspring.local.lambda;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/** Aliases: names that point to a version (and optionally route a share of traffic to another). Callers hold the registry's monitor. */
final class FunctionAliases {

	private final FunctionRegistry functions;

	FunctionAliases(FunctionRegistry functions) {
		this.functions = functions;
	}

	ObjectNode create(String identifier, ObjectNode in) {
		LambdaFunction function = this.functions.function(identifier);
		String name = Json.required(in, "Name", "InvalidParameterValueException");
		if (function.aliases.containsKey(name)) {
			throw LambdaErrors.conflict("Alias already exists: " + this.functions.functionArn(function.name) + ":" + name);
		}
		FunctionValidation.aliasName(name);
		String version = Json.required(in, "FunctionVersion", "InvalidParameterValueException");
		checkVersionExists(function, version);
		FunctionAlias alias = FunctionAlias.create(this.functions.functionArn(function.name) + ":" + name, name, version,
				in.path("Description").asString(""), in.get("RoutingConfig"));
		function.aliases.put(name, alias);
		return alias.toJson();
	}

	ObjectNode get(String identifier, String name) {
		return alias(this.functions.function(identifier), name).toJson();
	}

	ObjectNode update(String identifier, String name, ObjectNode in) {
		LambdaFunction function = this.functions.function(identifier);
		FunctionAlias alias = alias(function, name);
		FunctionValidation.revision(alias.revisionId(), in);
		String version = Json.string(in, "FunctionVersion");
		if (version != null) {
			checkVersionExists(function, version);
		}
		FunctionAlias updated = alias.update(version, Json.string(in, "Description"), in.get("RoutingConfig"));
		function.aliases.put(name, updated);
		return updated.toJson();
	}

	void delete(String identifier, String name) {
		LambdaFunction function = this.functions.function(identifier);
		alias(function, name);
		function.aliases.remove(name);
	}

	ObjectNode list(String identifier) {
		LambdaFunction function = this.functions.function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Aliases");
		function.aliases.values().forEach((a) -> list.add(a.toJson()));
		return out;
	}

	private FunctionAlias alias(LambdaFunction function, String name) {
		FunctionAlias alias = function.aliases.get(name);
		if (alias == null) {
			throw LambdaErrors.notFound("Cannot find alias arn: " + this.functions.functionArn(function.name) + ":" + name);
		}
		return alias;
	}

	private void checkVersionExists(LambdaFunction function, String version) {
		if (function.configuration(version) == null) {
			throw LambdaErrors.notFound("Function not found: " + this.functions.functionArn(function.name) + ":" + version);
		}
	}

}
