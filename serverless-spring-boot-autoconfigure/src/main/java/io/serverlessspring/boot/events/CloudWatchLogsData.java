package io.serverlessspring.boot.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of a CloudWatch Logs subscription event once decoded: {@code awslogs.data} is base64
 * of gzip of this JSON. {@code messageType} {@code CONTROL_MESSAGE} is CloudWatch checking the
 * destination is reachable; handlers get only {@code DATA_MESSAGE}s.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudWatchLogsData(String messageType, String owner, String logGroup, String logStream,
		List<String> subscriptionFilters, List<LogEvent> logEvents, String policyLevel) {

	/** One log event: its id, time (epoch milliseconds) and message. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LogEvent(String id, long timestamp, String message) {
	}

}
