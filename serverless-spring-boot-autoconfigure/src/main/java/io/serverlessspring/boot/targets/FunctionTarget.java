package io.serverlessspring.boot.targets;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A Spring Cloud Function bean (or composition) from the {@code FunctionCatalog}. The input goes
 * in as a JSON message, so Spring Cloud Function converts it to the function's input type.
 */
public final class FunctionTarget implements InvocationTarget {

	private final String definition;

	private final FunctionInvocationWrapper function;

	private final JsonMapper mapper;

	public FunctionTarget(String definition, FunctionInvocationWrapper function, JsonMapper mapper) {
		this.definition = definition;
		this.function = function;
		this.mapper = mapper;
	}

	@Override
	public String id() {
		return this.definition;
	}

	public FunctionInvocationWrapper function() {
		return this.function;
	}

	@Override
	public Object invoke(JsonNode args) {
		int count = (args == null || args.isNull() || args.isMissingNode()) ? 0 : args.size();
		if (this.function.isSupplier()) {
			if (count != 0) {
				throw new BadArgumentsException(this.definition + " is a Supplier and takes no argument, " + count + " given");
			}
			return unwrap(this.function.get());
		}
		if (count != 1) {
			throw new BadArgumentsException(this.definition + " takes one input, " + count + " given");
		}
		return applyJson(this.mapper.writeValueAsBytes(args.get(0)));
	}

	/** Applies the function to a JSON (or text) payload; SCF converts it to the input type. */
	public Object applyJson(byte[] payload) {
		Message<byte[]> message = MessageBuilder.withPayload(payload).setHeader("contentType", "application/json").build();
		return unwrap(this.function.apply(message));
	}

	/** Applies the function to an already typed input (an AWS event object, for example). */
	public Object applyObject(Object input) {
		return unwrap(this.function.apply(input));
	}

	private Object unwrap(Object result) {
		Object value = (result instanceof Message<?> message) ? message.getPayload() : result;
		if (value instanceof byte[] bytes) {
			// SCF hands back the converted output as JSON bytes; give callers a JSON value.
			String text = new String(bytes, StandardCharsets.UTF_8);
			try {
				return this.mapper.readTree(text);
			}
			catch (RuntimeException notJson) {
				return text;
			}
		}
		return value;
	}

}
