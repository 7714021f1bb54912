package io.serverlessspring.shell.logs;

import java.time.Instant;

/**
 * One log event of the function.
 *
 * @param eventId CloudWatch's id of the event (unique in the log group)
 * @param timestamp when it was logged
 * @param stream the log stream (one per execution environment)
 * @param message the text, without its trailing newline
 */
public record LogLine(String eventId, Instant timestamp, String stream, String message) {

	/** The Lambda platform's own lines: START, END, REPORT, INIT_START, ... */
	public boolean platform() {
		return this.message.startsWith("START RequestId:") || this.message.startsWith("END RequestId:")
				|| this.message.startsWith("REPORT RequestId:") || this.message.startsWith("INIT_START ")
				|| this.message.startsWith("INIT_REPORT ") || this.message.startsWith("XRAY TraceId:")
				|| this.message.startsWith("EXTENSION\t") || this.message.startsWith("TELEMETRY\t");
	}

	/** An HTTP access line of the runtime ({@code [access] client "GET /path HTTP/1.1" 200 123 4ms}). */
	public boolean access() {
		return this.message.contains("[access] ");
	}

}
