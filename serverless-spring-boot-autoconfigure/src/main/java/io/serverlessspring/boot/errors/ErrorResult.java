package io.serverlessspring.boot.errors;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A structured error as the function returns it ({@code docs/reference/events.md}): a code, a
 * message, the exception class and its causes, never a stack trace (that goes to the log).
 */
public record ErrorResult(String code, String message, String exception, List<Cause> causes) {

	/** The envelope was not understood. */
	public static final String BAD_REQUEST = "bad-request";

	/** No such bean, method, function or command. */
	public static final String NOT_FOUND = "not-found";

	/** The arguments do not fit the target. */
	public static final String BAD_ARGUMENTS = "bad-arguments";

	/** The feature is switched off by a property. */
	public static final String DISABLED = "disabled";

	/** The target ran and threw. */
	public static final String FAILED = "failed";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	public record Cause(String exception, String message) {
	}

	/** An error without an exception. */
	public static ErrorResult of(String code, String message) {
		return new ErrorResult(code, message, null, List.of());
	}

	/** A failure: the message says what threw, the causes list the chain below it. */
	public static ErrorResult failed(String what, Throwable thrown) {
		Throwable ex = unwrap(thrown);
		String message = what + " threw " + ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return new ErrorResult(FAILED, message, ex.getClass().getName(), causes(ex));
	}

	/** Reflection wrappers say nothing to the user: report what the target threw. */
	public static Throwable unwrap(Throwable thrown) {
		Throwable ex = thrown;
		while (ex instanceof InvocationTargetException && ex.getCause() != null) {
			ex = ex.getCause();
		}
		return ex;
	}

	private static List<Cause> causes(Throwable ex) {
		List<Cause> causes = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(ex);
		for (Throwable cause = ex.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
			causes.add(new Cause(cause.getClass().getName(), cause.getMessage()));
		}
		return causes;
	}

	/** {@code {"ok": false, "kind": kind, "error": {...}}} plus any extra top-level fields. */
	public ObjectNode toResponse(String kind, Map<String, String> extra) {
		ObjectNode response = MAPPER.createObjectNode();
		response.put("ok", false);
		response.put("kind", kind);
		extra.forEach(response::put);
		ObjectNode error = response.putObject("error");
		error.put("code", this.code);
		error.put("message", this.message);
		if (this.exception != null) {
			error.put("exception", this.exception);
		}
		ArrayNode causeArray = error.putArray("causes");
		for (Cause cause : this.causes) {
			ObjectNode node = causeArray.addObject();
			node.put("exception", cause.exception());
			node.put("message", cause.message());
		}
		return response;
	}

	/** The response after an exception hook marked the failure handled: kind {@code error}, {@code handled: true}. */
	public byte[] toHandledResponseBytes() {
		ObjectNode response = toResponse("error", Map.of());
		response.put("handled", true);
		return MAPPER.writeValueAsBytes(response);
	}

	/** The response as JSON bytes. */
	public byte[] toResponseBytes(String kind, Map<String, String> extra) {
		return MAPPER.writeValueAsBytes(toResponse(kind, extra));
	}

}
