package io.serverlessspring.local.lambda;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.server.LocalContext;

/**
 * Lambda's model: the functions by name, and how a name, ARN, version or alias resolves to one of
 * them. Its monitor guards every function's state: the control plane runs under it, and so does
 * whatever reads or settles functions from other threads (invocations, the state machine, saving).
 */
final class FunctionRegistry {

	/** A name, partial ARN or ARN, optionally qualified; group 4 is the name, group 5 the qualifier. */
	private static final Pattern IDENTIFIER = Pattern
		.compile("(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:)?(?:(\\d{12}):function:)?([a-zA-Z0-9-_]+)(?::(\\$LATEST|[a-zA-Z0-9-_]+))?");

	private final TreeMap<String, LambdaFunction> functions = new TreeMap<>();

	private LocalContext context;

	/** A function and the qualifier the caller gave (from the ARN or {@code ?Qualifier=}), or null. */
	record Qualified(LambdaFunction function, String qualifier) {
	}

	/** The account and region ARNs are built for; functions may be loaded before. */
	void attach(LocalContext context) {
		this.context = context;
	}

	String functionArn(String name) {
		return this.context.arn("lambda", "function:" + name);
	}

	boolean contains(String name) {
		return this.functions.containsKey(name);
	}

	void add(LambdaFunction function) {
		this.functions.put(function.name, function);
	}

	void remove(String name) {
		this.functions.remove(name);
	}

	synchronized void replaceAll(Collection<LambdaFunction> loaded) {
		this.functions.clear();
		loaded.forEach(this::add);
	}

	LambdaFunction function(String identifier) {
		Matcher m = IDENTIFIER.matcher(identifier);
		String name = m.matches() ? m.group(4) : identifier;
		LambdaFunction function = this.functions.get(name);
		if (function == null) {
			throw LambdaErrors.notFound("Function not found: " + functionArn(name));
		}
		return function;
	}

	synchronized LambdaFunction functionOrNull(String name) {
		return this.functions.get(name);
	}

	synchronized List<LambdaFunction> functions() {
		return List.copyOf(this.functions.values());
	}

	/** The function a resource ARN names (TagResource and friends accept ARNs only). */
	LambdaFunction functionByArn(String arn) {
		Matcher m = IDENTIFIER.matcher(arn);
		if (!arn.startsWith("arn:") || !m.matches()) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + arn + "' at 'resource' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:.*");
		}
		return function(m.group(4));
	}

	Qualified qualified(String identifier, String qualifierParameter) {
		Matcher m = IDENTIFIER.matcher(identifier);
		if (!m.matches()) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + identifier
					+ "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
		}
		LambdaFunction function = function(m.group(4));
		String qualifier = m.group(5);
		if (qualifierParameter != null) {
			if (qualifier != null && !qualifier.equals(qualifierParameter)) {
				throw LambdaErrors.invalid("The derived qualifier from the function name does not match the specified qualifier.");
			}
			qualifier = qualifierParameter;
		}
		if (qualifier != null && !LambdaFunction.LATEST.equals(qualifier) && !function.aliases.containsKey(qualifier)
				&& function.configuration(qualifier) == null) {
			throw LambdaErrors.notFound("Function not found: " + functionArn(function.name) + ":" + qualifier);
		}
		return new Qualified(function, qualifier);
	}

	/** The configuration a qualified name reads: $LATEST, a version, or the version an alias points to. */
	ObjectNode configuration(Qualified q) {
		if (q.qualifier() == null) {
			return q.function().latest;
		}
		FunctionAlias alias = q.function().aliases.get(q.qualifier());
		String version = (alias != null) ? alias.functionVersion() : q.qualifier();
		return q.function().configuration(version);
	}

	/**
	 * Resolves what an invocation of {@code identifier} (name or ARN, optionally qualified) runs;
	 * a function that is not Active (or is mid-update) cannot be invoked yet, as in Lambda.
	 */
	synchronized InvokedFunction target(String identifier, String qualifier) {
		Qualified q = qualified(identifier, qualifier);
		String version = LambdaFunction.LATEST;
		String invokedArn = functionArn(q.function().name);
		if (q.qualifier() != null) {
			invokedArn += ":" + q.qualifier();
			FunctionAlias alias = q.function().aliases.get(q.qualifier());
			version = (alias != null) ? alias.functionVersion() : q.qualifier();
		}
		ObjectNode config = q.function().configuration(version);
		if (config == null) {
			throw LambdaErrors.notFound("Function not found: " + invokedArn);
		}
		FunctionStateMachine.checkInvocable(q.function());
		return new InvokedFunction(q.function().name, version, config.deepCopy(), q.function().codeKeys.get(version),
				invokedArn, q.function().reservedConcurrency);
	}

	int count() {
		return this.functions.size();
	}

	long totalCodeSize() {
		return this.functions.values().stream().mapToLong((f) -> f.latest.path("CodeSize").asLong()).sum();
	}

}
