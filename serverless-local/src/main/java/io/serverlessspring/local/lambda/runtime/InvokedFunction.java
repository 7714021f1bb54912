package io.serverlessspring.local.lambda.runtime;

import tools.jackson.databind.node.ObjectNode;

/**
 * What an invocation runs: a function's version (resolved from a name, ARN, version or alias), its
 * configuration and code. Environments are reused only for the same {@link #environmentKey()}.
 *
 * @param functionName the function's name
 * @param version "$LATEST" or a version number
 * @param configuration the version's {@code FunctionConfiguration}
 * @param codeKey the package's key in the code store
 * @param invokedArn the ARN the caller used (qualified when it named a version or alias)
 * @param reservedConcurrency the function's reserved concurrency, or null
 */
public record InvokedFunction(String functionName, String version, ObjectNode configuration, String codeKey,
		String invokedArn, Integer reservedConcurrency) {

	/** Environments serve one function version with one configuration and one package. */
	public String environmentKey() {
		return this.functionName + ":" + this.version + ":" + this.codeKey + ":"
				+ this.configuration.path("RevisionId").asString();
	}

	public int timeoutSeconds() {
		return this.configuration.path("Timeout").asInt(3);
	}

	public int memoryMegabytes() {
		return this.configuration.path("MemorySize").asInt(128);
	}

	public String handler() {
		return this.configuration.path("Handler").asString();
	}

	public String runtime() {
		return this.configuration.path("Runtime").asString("");
	}

	public String logGroup() {
		return this.configuration.path("LoggingConfig").path("LogGroup").asString("/aws/lambda/" + this.functionName);
	}

}
