package io.serverlessspring.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;

/**
 * Event (asynchronous) invocations as Lambda runs them: queued; on a function error retried (by
 * default twice, or the configured {@code MaximumRetryAttempts}) unless older than
 * {@code MaximumEventAgeInSeconds}; then sent to the configured OnSuccess / OnFailure destination
 * (SQS, SNS, Lambda, EventBridge). Also the EventInvokeConfig operations that configure this.
 */
final class AsyncInvocations {

	private static final System.Logger log = System.getLogger(AsyncInvocations.class.getName());

	/** Seconds before the first and second retry of a failed Event invocation (Lambda: about 1 and 2 minutes). */
	private static final long[] RETRY_DELAYS = Arrays.stream(
			System.getProperty("serverless.local.lambda.async-retry-delays-seconds", "60,120").split(","))
		.mapToLong((d) -> Long.parseLong(d.trim())).toArray();

	private static final List<String> CONFIG_FIELDS = List.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig");

	private final FunctionRegistry functions;

	private final LocalContext context;

	private final Invoker invoker;

	AsyncInvocations(FunctionRegistry functions, LocalContext context, Invoker invoker) {
		this.functions = functions;
		this.context = context;
		this.invoker = invoker;
	}

	/** Queues an Event invocation; the answer goes to a destination, if one is configured. */
	void invoke(InvokedFunction target, byte[] payload) {
		invoke(target, payload, 1, System.currentTimeMillis(), UUID.randomUUID().toString());
	}

	private void invoke(InvokedFunction target, byte[] payload, int attempt, long queuedAt, String requestId) {
		this.invoker.invokeAsync(target, payload, (result) -> {
			ObjectNode config = eventInvokeConfig(target);
			int maxRetries = config.path("MaximumRetryAttempts").asInt(2);
			long maxAgeMillis = config.path("MaximumEventAgeInSeconds").asLong(21_600) * 1000;
			boolean failed = result == null || result.failed();
			if (failed && attempt <= maxRetries && attempt <= RETRY_DELAYS.length) {
				long delay = RETRY_DELAYS[attempt - 1] * 1000;
				if (System.currentTimeMillis() + delay - queuedAt <= maxAgeMillis) {
					this.context.timers().schedule(() -> retry(target, payload, attempt + 1, queuedAt, requestId), delay, TimeUnit.MILLISECONDS);
					return;
				}
			}
			String destination = config.path("DestinationConfig").path(failed ? "OnFailure" : "OnSuccess").path("Destination").asString(null);
			if (destination != null) {
				sendToDestination(destination, target, payload, result, attempt, requestId, failed ? "RetriesExhausted" : "Success");
			}
		});
	}

	/** A retry runs what the invoked ARN names now; a function deleted meanwhile drops it. */
	private void retry(InvokedFunction target, byte[] payload, int attempt, long queuedAt, String requestId) {
		try {
			invoke(this.functions.target(target.invokedArn(), null), payload, attempt, queuedAt, requestId);
		}
		catch (AwsException gone) {
			log.log(System.Logger.Level.INFO, "Retry of " + target.invokedArn() + " dropped: " + gone.getMessage());
		}
	}

	/** The invocation record Lambda sends to a destination. */
	private void sendToDestination(String destination, InvokedFunction target, byte[] payload, RuntimeInvocationResult result,
			int attempts, String requestId, String condition) {
		ObjectNode record = Json.object();
		record.put("version", "1.0");
		record.put("timestamp", Instant.now().toString());
		ObjectNode request = record.putObject("requestContext");
		request.put("requestId", requestId);
		request.put("functionArn", this.functions.functionArn(target.functionName()) + ":" + target.version());
		request.put("condition", condition);
		request.put("approximateInvokeCount", attempts);
		record.set("requestPayload", parseOrText(payload));
		ObjectNode response = record.putObject("responseContext");
		response.put("statusCode", 200);
		response.put("executedVersion", target.version());
		if (result != null && result.failed()) {
			response.put("functionError", result.functionError());
		}
		record.set("responsePayload", (result != null) ? parseOrText(result.payload()) : null);
		try {
			this.context.deliver(destination, Json.text(record));
		}
		catch (RuntimeException ex) {
			log.log(System.Logger.Level.WARNING, "Destination " + destination + " of " + target.functionName() + " failed: " + ex.getMessage());
		}
	}

	private static JsonNode parseOrText(byte[] bytes) {
		try {
			return Json.mapper().readTree(bytes);
		}
		catch (RuntimeException ex) {
			return Json.mapper().getNodeFactory().stringNode(new String(bytes, StandardCharsets.UTF_8));
		}
	}

	/** The configuration for the qualifier the caller invoked (none: defaults). */
	private ObjectNode eventInvokeConfig(InvokedFunction target) {
		synchronized (this.functions) {
			LambdaFunction function = this.functions.functionOrNull(target.functionName());
			if (function == null) {
				return Json.object();
			}
			String[] arn = target.invokedArn().split(":");
			String qualifier = (arn.length > 7) ? arn[7] : LambdaFunction.LATEST;
			ObjectNode config = function.eventInvokeConfigs.get(qualifier);
			return (config != null) ? config : Json.object();
		}
	}

	/** PutFunctionEventInvokeConfig ({@code replace}) or UpdateFunctionEventInvokeConfig (merge into the existing one). */
	ObjectNode putConfig(String identifier, String qualifierParameter, ObjectNode in, boolean replace) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifierParameter);
		String qualifier = qualifierOrLatest(q);
		FunctionValidation.maximumRetryAttempts(in);
		FunctionValidation.maximumEventAge(in);
		ObjectNode existing = q.function().eventInvokeConfigs.get(qualifier);
		if (!replace && existing == null) {
			throw configNotFound(q);
		}
		// merged on a copy, kept only when the destinations pass, so a refused update changes nothing
		ObjectNode config = (replace || existing == null) ? Json.object() : existing.deepCopy();
		for (String field : CONFIG_FIELDS) {
			if (in.has(field)) {
				config.set(field, in.get(field));
			}
		}
		for (String kind : List.of("OnSuccess", "OnFailure")) {
			String destination = config.path("DestinationConfig").path(kind).path("Destination").asString(null);
			if (destination != null && !this.context.canDeliverTo(destination)) {
				throw LambdaErrors.invalid("The destination ARN " + destination + " is invalid.");
			}
		}
		config.set("LastModified", Json.epochSeconds(this.context.clock().millis()));
		config.put("FunctionArn", this.functions.functionArn(q.function().name) + ":" + qualifier);
		q.function().eventInvokeConfigs.put(qualifier, config);
		return config.deepCopy();
	}

	ObjectNode getConfig(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		ObjectNode config = q.function().eventInvokeConfigs.get(qualifierOrLatest(q));
		if (config == null) {
			throw configNotFound(q);
		}
		return config.deepCopy();
	}

	void deleteConfig(String identifier, String qualifier) {
		FunctionRegistry.Qualified q = this.functions.qualified(identifier, qualifier);
		if (q.function().eventInvokeConfigs.remove(qualifierOrLatest(q)) == null) {
			throw configNotFound(q);
		}
	}

	private static String qualifierOrLatest(FunctionRegistry.Qualified q) {
		return (q.qualifier() != null) ? q.qualifier() : LambdaFunction.LATEST;
	}

	private AwsException configNotFound(FunctionRegistry.Qualified q) {
		return LambdaErrors.notFound("The function " + this.functions.functionArn(q.function().name) + " doesn't have an EventInvokeConfig");
	}

}
