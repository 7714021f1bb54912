package io.serverlessspring.boot.routing;

import java.util.Map;
import java.util.Optional;

/**
 * Where the function runs, read from the variables the Lambda runtime sets. "Deployed" means
 * running in Lambda (or in a local cloud that runs it like Lambda): {@code AWS_LAMBDA_FUNCTION_NAME}
 * is set. Tests give their own variables instead of the process environment.
 */
public final class LambdaRuntime {

	/** The variables this class reads. */
	private static final java.util.List<String> VARIABLES = java.util.List.of("AWS_LAMBDA_FUNCTION_NAME",
			"AWS_LAMBDA_FUNCTION_VERSION", "AWS_REGION", "AWS_DEFAULT_REGION");

	private final Map<String, String> variables;

	public LambdaRuntime(Map<String, String> variables) {
		this.variables = Map.copyOf(variables);
	}

	/**
	 * The variables as Spring's environment sees them: the process environment, or properties of
	 * the same names (how tests and local runs pretend to be deployed).
	 */
	public static LambdaRuntime from(org.springframework.core.env.Environment environment) {
		Map<String, String> variables = new java.util.HashMap<>();
		for (String name : VARIABLES) {
			String value = environment.getProperty(name);
			if (value != null) {
				variables.put(name, value);
			}
		}
		return new LambdaRuntime(variables);
	}

	/** The process environment. */
	public static LambdaRuntime fromEnvironment() {
		return new LambdaRuntime(System.getenv());
	}

	/** Whether this JVM runs as a Lambda function. */
	public boolean isDeployed() {
		return functionName().isPresent();
	}

	/** {@code AWS_LAMBDA_FUNCTION_NAME}. */
	public Optional<String> functionName() {
		return variable("AWS_LAMBDA_FUNCTION_NAME");
	}

	/** {@code AWS_LAMBDA_FUNCTION_VERSION}: a number, or {@code $LATEST}. */
	public Optional<String> functionVersion() {
		return variable("AWS_LAMBDA_FUNCTION_VERSION");
	}

	/** {@code AWS_REGION}. */
	public Optional<String> region() {
		return variable("AWS_REGION").or(() -> variable("AWS_DEFAULT_REGION"));
	}

	/** Any variable, blank treated as absent. */
	public Optional<String> variable(String name) {
		String value = this.variables.get(name);
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.trim());
	}

}
