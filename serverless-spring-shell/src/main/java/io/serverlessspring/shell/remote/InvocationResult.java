package io.serverlessspring.shell.remote;

import tools.jackson.databind.JsonNode;

/**
 * What came back from one invocation of the live alias.
 *
 * @param statusCode Lambda's status code (200 for a synchronous call, 202 for an accepted async one)
 * @param executedVersion the version that ran
 * @param functionError Lambda's {@code X-Amz-Function-Error} ({@code Unhandled}, ...) or {@code null}
 * @param payload the response payload as text (empty for async)
 * @param json the payload parsed as JSON, or {@code null} when it is not JSON
 * @param logTail the last lines of the invocation's log (up to 4 KB), or empty
 * @param requestId Lambda's request id
 */
public record InvocationResult(int statusCode, String executedVersion, String functionError, String payload,
		JsonNode json, String logTail, String requestId) {

	/** Whether the function failed: a Lambda function error, or an envelope result with {@code ok: false}. */
	public boolean failed() {
		if (this.functionError != null) {
			return true;
		}
		return this.json != null && this.json.isObject() && this.json.has("ok") && !this.json.path("ok").asBoolean();
	}

	/** The {@code result} of an {@code ok: true} envelope response, else the whole payload. */
	public JsonNode result() {
		if (this.json != null && this.json.isObject() && this.json.path("ok").asBoolean(false) && this.json.has("result")) {
			return this.json.get("result");
		}
		return this.json;
	}

	/** A one-line description of a failure, from the envelope's {@code error} or Lambda's error payload. */
	public String errorMessage() {
		if (this.json != null && this.json.has("error") && this.json.get("error").isObject()) {
			JsonNode error = this.json.get("error");
			return error.path("code").asString("error") + ": " + error.path("message").asString("");
		}
		if (this.json != null && this.json.has("errorMessage")) {
			return this.json.path("errorType").asString("Error") + ": " + this.json.path("errorMessage").asString("");
		}
		return (this.functionError != null ? this.functionError + ": " : "") + this.payload;
	}

}
