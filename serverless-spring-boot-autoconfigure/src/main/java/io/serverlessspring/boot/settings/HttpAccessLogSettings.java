package io.serverlessspring.boot.settings;

/**
 * {@code serverless.http.access-log.*}: API Gateway's own access log (one line per request, written
 * by API Gateway to CloudWatch Logs, also for requests that never reach the function).
 */
public class HttpAccessLogSettings {

	/**
	 * Whether API Gateway writes access logs. Turned off, the stage stops logging; the log group stays
	 * (undeploy {@code --remove-logs} removes it).
	 */
	private boolean enabled = false;

	/** The log group; default {@code /aws/apigateway/<function>}. */
	private String logGroup;

	/** The line format ($context variables); default a JSON object with the usual fields. */
	private String format = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
			+ "\"requestTime\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"path\":\"$context.path\","
			+ "\"status\":\"$context.status\",\"bytes\":\"$context.responseLength\","
			+ "\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}";

	/** Days the access log is kept; 0 keeps it forever. */
	private int retentionDays = 30;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getLogGroup() {
		return this.logGroup;
	}

	public void setLogGroup(String logGroup) {
		this.logGroup = logGroup;
	}

	public String getFormat() {
		return this.format;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public int getRetentionDays() {
		return this.retentionDays;
	}

	public void setRetentionDays(int retentionDays) {
		this.retentionDays = retentionDays;
	}

}
