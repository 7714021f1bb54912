package io.serverlessspring.shell.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * The error lines a function logged since a moment: what deploy shows when the touch fails, so the
 * cause (a class that is not found, a bean that cannot be created) is on screen, not only in
 * {@code tail}. Lambda delivers logs a little after the invocation, so it looks a few times.
 */
public final class FunctionLogErrors {

	/** Lines that say what went wrong: exceptions, their causes, Lambda's init and runtime errors. */
	private static final Pattern ERROR = Pattern.compile(
			"Exception|Error|ERROR|Caused by|INIT_REPORT.*Status: error|Task timed out|errorMessage");

	static final int MAX_LINES = 12;

	private static final int ATTEMPTS = 5;

	private static final Duration BETWEEN_ATTEMPTS = Duration.ofSeconds(1);

	private FunctionLogErrors() {
	}

	/** Up to {@link #MAX_LINES} error lines of the group since {@code since}; empty when there are none. */
	public static List<String> since(CloudWatchLogsClient logs, String logGroup, Instant since) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			List<String> lines = read(logs, logGroup, since);
			if (!lines.isEmpty() || attempt == ATTEMPTS) {
				return lines;
			}
			try {
				Thread.sleep(BETWEEN_ATTEMPTS.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return lines;
			}
		}
		return List.of();
	}

	private static List<String> read(CloudWatchLogsClient logs, String logGroup, Instant since) {
		List<String> lines = new ArrayList<>();
		try {
			String token = null;
			do {
				String next = token;
				FilterLogEventsResponse page = logs.filterLogEvents(
						b -> b.logGroupName(logGroup).startTime(since.toEpochMilli()).nextToken(next));
				for (FilteredLogEvent event : page.events()) {
					for (String line : event.message().split("\r?\n")) {
						if (ERROR.matcher(line).find() && lines.size() < MAX_LINES && !lines.contains(line.strip())) {
							lines.add(line.strip());
						}
					}
				}
				token = page.nextToken();
			}
			while (token != null && lines.size() < MAX_LINES);
		}
		catch (ResourceNotFoundException ex) {
			// Lambda creates the group on the first invocation: the function did not even get that far.
		}
		return lines;
	}

}
