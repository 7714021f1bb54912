package io.serverlessspring.local.lambda;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.server.Json;

/**
 * Published versions: immutable copies of {@code $LATEST}'s configuration and package, numbered from 1.
 * Callers hold the registry's monitor.
 */
final class FunctionVersions {

	/** What differs between versions without being a change of the function. */
	private static final List<String> VOLATILE_FIELDS = List.of("Version", "FunctionArn", "RevisionId", "LastModified",
			"State", "StateReason", "StateReasonCode", "LastUpdateStatus", "LastUpdateStatusReason", "LastUpdateStatusReasonCode");

	private final FunctionRegistry functions;

	private final FunctionStateMachine states;

	private final Invoker invoker;

	FunctionVersions(FunctionRegistry functions, FunctionStateMachine states, Invoker invoker) {
		this.functions = functions;
		this.states = states;
		this.invoker = invoker;
	}

	/** PublishVersion: a new version, or the last one when nothing changed since (as Lambda does). */
	ObjectNode publishVersion(String identifier, ObjectNode in) {
		LambdaFunction function = this.functions.function(identifier);
		this.states.checkNotChanging(function);
		String expectedSha = Json.string(in, "CodeSha256");
		if (expectedSha != null && !expectedSha.equals(function.latest.path("CodeSha256").asString())) {
			throw LambdaErrors.invalid("CodeSha256 (" + expectedSha + ") is different from current CodeSha256 in $LATEST ("
					+ function.latest.path("CodeSha256").asString() + "). Please try again with the CodeSha256 in $LATEST.");
		}
		FunctionValidation.revision(function.latest.path("RevisionId").asString(), in);
		if (!function.versions.isEmpty()) {
			ObjectNode last = function.versions.lastEntry().getValue();
			if (sameContent(last, function.latest)
					&& function.codeKeys.get(last.path("Version").asString()).equals(function.codeKeys.get(LambdaFunction.LATEST))) {
				return last.deepCopy();
			}
		}
		return publish(function, Json.string(in, "Description")).deepCopy();
	}

	/** Copies {@code $LATEST} into the next version; {@code description} null keeps $LATEST's. */
	ObjectNode publish(LambdaFunction function, String description) {
		int number = function.nextVersion++;
		ObjectNode version = function.latest.deepCopy();
		version.put("Version", Integer.toString(number));
		version.put("FunctionArn", this.functions.functionArn(function.name) + ":" + number);
		version.put("RevisionId", UUID.randomUUID().toString());
		if (description != null) {
			version.put("Description", description);
		}
		if (version.get("SnapStart") instanceof ObjectNode snapStart
				&& "PublishedVersions".equals(snapStart.path("ApplyOn").asString())) {
			snapStart.put("OptimizationStatus", "On"); // Lambda's word for a version restored from its snapshot
		}
		function.versions.put(number, version);
		function.codeKeys.put(Integer.toString(number), function.codeKeys.get(LambdaFunction.LATEST));
		return version;
	}

	private static boolean sameContent(ObjectNode a, ObjectNode b) {
		ObjectNode x = a.deepCopy();
		ObjectNode y = b.deepCopy();
		x.remove(VOLATILE_FIELDS);
		y.remove(VOLATILE_FIELDS);
		if (x.get("SnapStart") instanceof ObjectNode snapStart) {
			snapStart.remove("OptimizationStatus");
		}
		if (y.get("SnapStart") instanceof ObjectNode snapStart) {
			snapStart.remove("OptimizationStatus");
		}
		return x.equals(y);
	}

	/** ListVersionsByFunction: {@code $LATEST} first, then the versions in order. */
	ObjectNode list(String identifier) {
		LambdaFunction function = this.functions.function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Versions");
		list.add(function.latest.deepCopy());
		function.versions.values().forEach((v) -> list.add(v.deepCopy()));
		return out;
	}

	/** DeleteFunction of a version: refused while an alias points to it. */
	void delete(LambdaFunction function, String qualifier) {
		int version;
		try {
			version = Integer.parseInt(qualifier);
		}
		catch (NumberFormatException ex) {
			throw LambdaErrors.invalid("Deletion of aliases is not supported through DeleteFunction; use DeleteAlias");
		}
		for (FunctionAlias alias : function.aliases.values()) {
			if (alias.functionVersion().equals(Integer.toString(version))) {
				throw LambdaErrors.conflict("Unable to delete version because the following aliases reference it: ["
						+ alias.name() + "]");
			}
		}
		function.versions.remove(version);
		function.codeKeys.remove(Integer.toString(version));
		this.invoker.retire(function.name, Integer.toString(version));
	}

}
