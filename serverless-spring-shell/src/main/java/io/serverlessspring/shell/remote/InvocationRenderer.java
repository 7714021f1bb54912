package io.serverlessspring.shell.remote;

import io.serverlessspring.shell.render.ConsoleIo;
import tools.jackson.databind.JsonNode;

/** Prints an invocation's result and the tail of its log. */
public final class InvocationRenderer {

	private InvocationRenderer() {
	}

	/** Prints the result; returns whether the function failed. */
	public static boolean render(InvocationResult result, String function, boolean async, boolean rawJson, ConsoleIo io) {
		if (async) {
			io.println("Accepted (" + result.statusCode() + "): " + function + " runs it in the background"
					+ (result.requestId() != null ? ", request id " + result.requestId() : "") + ".");
			return false;
		}
		if (rawJson) {
			io.println(result.json() != null ? pretty(result.json()) : result.payload());
		}
		else if (result.failed()) {
			io.println("Error from " + function + (result.executedVersion() != null ? " (version " + result.executedVersion() + ")" : "")
					+ ": " + result.errorMessage());
		}
		else {
			JsonNode value = result.result();
			io.println(value == null ? result.payload() : value.isString() ? value.asString() : pretty(value));
		}
		if (!result.logTail().isBlank()) {
			io.println("--- log of this invocation (last 4 KB) ---");
			io.println(result.logTail().stripTrailing());
		}
		return result.failed();
	}

	static String pretty(JsonNode node) {
		return Envelopes.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

}
