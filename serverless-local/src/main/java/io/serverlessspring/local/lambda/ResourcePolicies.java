package io.serverlessspring.local.lambda;

import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.Json;

/**
 * Functions' resource policies: the statements AddPermission writes (who may invoke), as Lambda
 * renders them, and the check other services make before invoking. Callers hold the registry's monitor.
 */
final class ResourcePolicies {

	private final FunctionRegistry functions;

	ResourcePolicies(FunctionRegistry functions) {
		this.functions = functions;
	}

	/** AddPermission: the statement added, as a JSON string in {@code Statement}. */
	ObjectNode add(String identifier, String qualifier, ObjectNode in) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		String sid = Json.required(in, "StatementId", "InvalidParameterValueException");
		String action = Json.required(in, "Action", "InvalidParameterValueException");
		String principal = Json.required(in, "Principal", "InvalidParameterValueException");
		for (PolicyStatement statement : q.function().statements) {
			if (statement.sid().equals(sid)) {
				throw LambdaErrors.conflict("The statement id (" + sid
						+ ") provided already exists. Please provide a new statement id, or remove the existing statement.");
			}
		}
		Map<String, String> principals = principal.contains(".amazonaws.com") ? Map.of("Service", principal)
				: Map.of("AWS", principal.matches("\\d{12}") ? "arn:aws:iam::" + principal + ":root" : principal);
		String functionArn = this.functions.functionArn(q.function().name);
		String resource = (q.qualifier() != null) ? functionArn + ":" + q.qualifier() : functionArn;
		ObjectNode condition = Json.object();
		if (in.has("SourceArn")) {
			condition.putObject("ArnLike").put("AWS:SourceArn", Json.string(in, "SourceArn"));
		}
		if (in.has("SourceAccount")) {
			condition.putObject("StringEquals").put("AWS:SourceAccount", Json.string(in, "SourceAccount"));
		}
		if (in.has("FunctionUrlAuthType")) {
			condition.putObject("StringEquals").put("lambda:FunctionUrlAuthType", Json.string(in, "FunctionUrlAuthType"));
		}
		PolicyStatement statement = new PolicyStatement(sid, "Allow", principals, action.contains(":") ? action : "lambda:" + action,
				resource, condition.isEmpty() ? null : condition);
		q.function().statements.add(statement);
		ObjectNode out = Json.object();
		out.put("Statement", Json.text(Json.tree(statement)));
		return out;
	}

	/** GetPolicy: the whole policy document as a JSON string. */
	ObjectNode get(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		if (q.function().statements.isEmpty()) {
			throw LambdaErrors.notFound("The resource you requested does not exist.");
		}
		ObjectNode policy = Json.object();
		policy.put("Version", "2012-10-17");
		policy.put("Id", "default");
		ArrayNode statements = policy.putArray("Statement");
		q.function().statements.forEach((s) -> statements.add(Json.tree(s)));
		ObjectNode out = Json.object();
		out.put("Policy", Json.text(policy));
		out.put("RevisionId", q.function().latest.path("RevisionId").asString());
		return out;
	}

	void remove(String identifier, String qualifier, String sid) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		boolean removed = q.function().statements.removeIf((s) -> s.sid().equals(sid));
		if (!removed) {
			throw LambdaErrors.notFound("Statement " + sid + " is not found in resource policy.");
		}
	}

	/** Whether a statement lets {@code servicePrincipal} invoke the function (any qualifier). */
	boolean allowsInvocationBy(String identifier, String servicePrincipal) {
		synchronized (this.functions) {
			LambdaFunction function = this.functions.qualified(identifier, null).function();
			return function.statements.stream().anyMatch((s) -> s.allowsService(servicePrincipal));
		}
	}

}
