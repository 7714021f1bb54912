package io.serverlessspring.local.lambda;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.iam.IamService;
import io.serverlessspring.local.s3.S3Service;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * What Lambda rejects in a request, with the messages AWS sends, so callers see the same errors here
 * as against AWS. Each check either returns the accepted value or throws before anything changes.
 */
final class FunctionValidation {

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

	private static final Set<String> RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25",
			"provided.al2", "provided.al2023", "python3.12", "python3.13", "nodejs20.x", "nodejs22.x");

	private static final int EVENT_PAYLOAD_LIMIT = 262_144;

	private static final int REQUEST_RESPONSE_PAYLOAD_LIMIT = io.serverlessspring.local.lambda.runtime.Invoker.SYNC_PAYLOAD_LIMIT;

	private FunctionValidation() {
	}

	static String functionName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + name
					+ "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+");
		}
		return name;
	}

	static String role(LocalContext context, String role) {
		if (!context.service(IamService.class).roleExists(role)) {
			throw LambdaErrors.invalid("The role defined for the function cannot be assumed by Lambda.");
		}
		return role;
	}

	static void zipPackage(String packageType) {
		if (!"Zip".equals(packageType)) {
			throw LambdaErrors.invalid("The local cloud runs Zip packages only; PackageType " + packageType + " is not supported");
		}
	}

	static String runtime(String runtime) {
		if (!RUNTIMES.contains(runtime)) {
			throw LambdaErrors.invalid("Value " + runtime + " at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: " + RUNTIMES);
		}
		return runtime;
	}

	static int timeout(JsonNode in, int defaultValue) {
		int timeout = in.path("Timeout").asInt(defaultValue);
		if (timeout < 1 || timeout > 900) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + timeout + "' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900");
		}
		return timeout;
	}

	static int memory(JsonNode in, int defaultValue) {
		int memory = in.path("MemorySize").asInt(defaultValue);
		if (memory < 128 || memory > 10240) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + memory + "' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
		}
		return memory;
	}

	/** The {@code Environment} of a configuration: variables with names Lambda accepts. */
	static ObjectNode environment(JsonNode in) {
		JsonNode variables = in.path("Environment").path("Variables");
		ObjectNode environment = Json.object();
		ObjectNode values = environment.putObject("Variables");
		if (variables.isObject()) {
			for (Map.Entry<String, JsonNode> entry : variables.properties()) {
				if (!entry.getKey().matches("[a-zA-Z]([a-zA-Z0-9_])+")) {
					throw LambdaErrors.invalid("Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys or invalid names: " + entry.getKey());
				}
				values.put(entry.getKey(), entry.getValue().asString());
			}
		}
		return environment;
	}

	/** The package a {@code Code} member (or UpdateFunctionCode's body) names: a base64 zip or an S3 object. */
	static byte[] code(LocalContext context, JsonNode code, String field) {
		if (code == null || code.isNull() || !code.isObject()) {
			throw LambdaErrors.invalid("1 validation error detected: Value null at '" + field.toLowerCase() + "' failed to satisfy constraint: Member must not be null");
		}
		if (code.hasNonNull("ZipFile")) {
			try {
				return Base64.getDecoder().decode(code.get("ZipFile").asString());
			}
			catch (IllegalArgumentException ex) {
				throw LambdaErrors.invalid("ZipFile is not valid base64");
			}
		}
		String bucket = Json.string(code, "S3Bucket");
		String key = Json.string(code, "S3Key");
		if (bucket != null && key != null) {
			try {
				return context.service(S3Service.class).objectBytes(bucket, key);
			}
			catch (AwsException ex) {
				throw LambdaErrors.invalid("Error occurred while GetObject. S3 Error Code: " + ex.code() + ". S3 Error Message: " + ex.getMessage());
			}
		}
		if (code.hasNonNull("ImageUri")) {
			throw LambdaErrors.invalid("The local cloud runs Zip packages only; ImageUri is not supported");
		}
		throw LambdaErrors.invalid("Please provide a source for function code (ZipFile, or S3Bucket and S3Key).");
	}

	/** Optimistic locking: a {@code RevisionId} in the request must be the current one. */
	static void revision(String currentRevisionId, ObjectNode in) {
		String expected = Json.string(in, "RevisionId");
		if (expected != null && !expected.equals(currentRevisionId)) {
			throw new AwsException(412, "PreconditionFailedException",
					"The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
		}
	}

	static String aliasName(String name) {
		if (name.matches("\\d+") || LambdaFunction.LATEST.equals(name)) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)");
		}
		return name;
	}

	/** One instruction set, x86_64 or arm64, as Lambda takes {@code Architectures}. */
	static ArrayNode architectures(JsonNode given) {
		if (given.size() != 1 || !Set.of("x86_64", "arm64").contains(given.get(0).asString(""))) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + given
					+ "' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1,"
					+ " Member must satisfy enum value set: [x86_64, arm64]");
		}
		return Json.array().add(given.get(0).asString());
	}

	static int reservedConcurrency(ObjectNode in) {
		if (!in.has("ReservedConcurrentExecutions") || in.get("ReservedConcurrentExecutions").asInt(-1) < 0) {
			throw LambdaErrors.invalid("1 validation error detected: Value null at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must not be null");
		}
		return in.get("ReservedConcurrentExecutions").asInt();
	}

	static int provisionedConcurrency(ObjectNode in) {
		int count = in.path("ProvisionedConcurrentExecutions").asInt(0);
		if (count < 1) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + count + "' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 1");
		}
		return count;
	}

	static void maximumRetryAttempts(ObjectNode in) {
		int retries = in.path("MaximumRetryAttempts").asInt(2);
		if (retries < 0 || retries > 2) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + retries + "' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2");
		}
	}

	static void maximumEventAge(ObjectNode in) {
		long age = in.path("MaximumEventAgeInSeconds").asLong(21_600);
		if (age < 60 || age > 21_600) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + age + "' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 and 21600");
		}
	}

	/** Invoke's payload limits: 256 KB for Event, 6 MB for RequestResponse (and DryRun). */
	static void invocationPayload(String invocationType, int length) {
		int limit = "Event".equals(invocationType) ? EVENT_PAYLOAD_LIMIT : REQUEST_RESPONSE_PAYLOAD_LIMIT;
		if (length > limit) {
			throw new AwsException(413, "RequestTooLargeException",
					"Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
		}
	}

	static AwsException unknownInvocationType(String invocationType) {
		return LambdaErrors.invalid("1 validation error detected: Value '" + invocationType
				+ "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
	}

}
