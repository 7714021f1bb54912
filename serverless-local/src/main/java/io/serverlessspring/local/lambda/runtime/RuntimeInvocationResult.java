package io.serverlessspring.local.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What an invocation returned, as Lambda's Invoke reports it.
 *
 * @param payload the function's response, or the error document ({@code errorMessage}, {@code errorType})
 * @param functionError {@code Unhandled} when the function failed (handler error, init error, timeout,
 * crash), else null
 * @param logTail the invocation's log lines (START … REPORT), for {@code LogType=Tail}
 * @param durationMillis the handler's own time, from event delivery to response
 */
public record RuntimeInvocationResult(byte[] payload, String functionError, String logTail, double durationMillis) {

	private static final int TAIL_BYTES = 4096;

	public boolean failed() {
		return this.functionError != null;
	}

	public String payloadText() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

	/** The last 4 KB of the log, base64, as {@code X-Amz-Log-Result}. */
	public String tailBase64() {
		byte[] bytes = this.logTail.getBytes(StandardCharsets.UTF_8);
		int from = Math.max(0, bytes.length - TAIL_BYTES);
		return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
	}

}
