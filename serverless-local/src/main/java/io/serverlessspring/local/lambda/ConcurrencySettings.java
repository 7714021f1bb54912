package io.serverlessspring.local.lambda;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;

/**
 * Reserved concurrency (a function's cap, enforced by the {@link Invoker}) and provisioned concurrency
 * (environments started ahead of requests). Callers hold the registry's monitor.
 */
final class ConcurrencySettings {

	private final FunctionRegistry functions;

	private final Invoker invoker;

	ConcurrencySettings(FunctionRegistry functions, Invoker invoker) {
		this.functions = functions;
		this.invoker = invoker;
	}

	ObjectNode putReserved(String identifier, ObjectNode in) {
		LambdaFunction function = this.functions.function(identifier);
		function.reservedConcurrency = FunctionValidation.reservedConcurrency(in);
		return reserved(function);
	}

	ObjectNode getReserved(String identifier) {
		return reserved(this.functions.function(identifier));
	}

	void deleteReserved(String identifier) {
		this.functions.function(identifier).reservedConcurrency = null;
	}

	private static ObjectNode reserved(LambdaFunction function) {
		ObjectNode out = Json.object();
		if (function.reservedConcurrency != null) {
			out.put("ReservedConcurrentExecutions", function.reservedConcurrency);
		}
		return out;
	}

	/**
	 * Provisioned concurrency: the configuration is kept and that many environments of the alias's
	 * (or version's) code are started ahead of requests, as Lambda does. Answers IN_PROGRESS, as
	 * Lambda's 202 does; Get then reads READY.
	 */
	ObjectNode putProvisioned(String identifier, String qualifier, ObjectNode in) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		if (q.qualifier() == null || LambdaFunction.LATEST.equals(q.qualifier())) {
			throw LambdaErrors.invalid("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
		}
		int count = FunctionValidation.provisionedConcurrency(in);
		ObjectNode config = Json.object();
		config.put("RequestedProvisionedConcurrentExecutions", count);
		config.put("AvailableProvisionedConcurrentExecutions", count);
		config.put("AllocatedProvisionedConcurrentExecutions", count);
		config.put("Status", "READY");
		config.put("LastModified", LambdaFunction.lastModifiedNow());
		q.function().provisioned.put(q.qualifier(), config);
		this.invoker.prewarm(this.functions.target(identifier, q.qualifier()), count);
		ObjectNode response = config.deepCopy();
		response.put("Status", "IN_PROGRESS");
		response.put("AvailableProvisionedConcurrentExecutions", 0);
		response.put("AllocatedProvisionedConcurrentExecutions", 0);
		return response;
	}

	ObjectNode getProvisioned(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		ObjectNode config = (q.qualifier() != null) ? q.function().provisioned.get(q.qualifier()) : null;
		if (config == null) {
			throw provisionedNotFound();
		}
		return config.deepCopy();
	}

	ObjectNode listProvisioned(String identifier) {
		LambdaFunction function = this.functions.function(identifier);
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("ProvisionedConcurrencyConfigs");
		String functionArn = this.functions.functionArn(function.name);
		function.provisioned.forEach((qualifier, config) -> list.add(config.deepCopy().put("FunctionArn", functionArn + ":" + qualifier)));
		return out;
	}

	void deleteProvisioned(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		if (q.qualifier() == null || q.function().provisioned.remove(q.qualifier()) == null) {
			throw provisionedNotFound();
		}
	}

	private static AwsException provisionedNotFound() {
		return AwsException.notFound("ProvisionedConcurrencyConfigNotFoundException", "No Provisioned Concurrency Config found for this function");
	}

}
