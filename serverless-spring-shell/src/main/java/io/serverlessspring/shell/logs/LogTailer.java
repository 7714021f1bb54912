package io.serverlessspring.shell.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Follows a log group across all its streams with {@code FilterLogEvents}.
 *
 * <p>Each poll asks again from a little before the newest event seen ({@link #LATE_ARRIVALS}),
 * because CloudWatch may ingest an event after a later one; events already printed are recognised
 * by their event id, so no line is printed twice and none is skipped. Within a poll, lines are
 * printed in timestamp order, whatever stream they come from.
 */
public class LogTailer {

	/** How far back each poll looks again for events ingested late. */
	static final Duration LATE_ARRIVALS = Duration.ofSeconds(30);

	private final CloudWatchLogsClient logs;

	private final Duration pollInterval;

	public LogTailer(CloudWatchLogsClient logs, Duration pollInterval) {
		this.logs = logs;
		this.pollInterval = pollInterval;
	}

	/**
	 * Prints the group's events from {@code since} on; with {@code follow}, keeps polling while
	 * {@code keepGoing} says so.
	 *
	 * @return how many lines were passed to {@code sink}
	 */
	public long tail(String logGroup, Instant since, String filterPattern, boolean follow, BooleanSupplier keepGoing,
			Consumer<LogLine> sink) throws InterruptedException {
		// event id -> timestamp of what was printed and may still be returned by the next poll
		Map<String, Long> printed = new HashMap<>();
		long from = since.toEpochMilli();
		long newest = from;
		long count = 0;
		do {
			List<LogLine> fresh = new ArrayList<>();
			String token = null;
			do {
				String next = token;
				long start = from;
				FilterLogEventsResponse page;
				try {
					page = this.logs.filterLogEvents(b -> b.logGroupName(logGroup)
						.startTime(start)
						.filterPattern((filterPattern == null || filterPattern.isBlank()) ? null : filterPattern)
						.nextToken(next));
				}
				catch (ResourceNotFoundException ex) {
					// Lambda creates the group on the first invocation: nothing to show yet.
					break;
				}
				for (FilteredLogEvent event : page.events()) {
					String id = (event.eventId() != null) ? event.eventId()
							: event.logStreamName() + "/" + event.timestamp() + "/" + event.message().hashCode();
					if (!printed.containsKey(id)) {
						printed.put(id, event.timestamp());
						fresh.add(new LogLine(id, Instant.ofEpochMilli(event.timestamp()), event.logStreamName(),
								stripNewline(event.message())));
					}
				}
				token = page.nextToken();
			}
			while (token != null && !token.isEmpty());
			fresh.sort(Comparator.comparing(LogLine::timestamp));
			for (LogLine line : fresh) {
				sink.accept(line);
				count++;
				newest = Math.max(newest, line.timestamp().toEpochMilli());
			}
			from = Math.max(since.toEpochMilli(), newest - LATE_ARRIVALS.toMillis());
			long forgetBefore = from;
			printed.values().removeIf(timestamp -> timestamp < forgetBefore);
			if (follow && keepGoing.getAsBoolean()) {
				Thread.sleep(this.pollInterval.toMillis());
			}
		}
		while (follow && keepGoing.getAsBoolean());
		return count;
	}

	private static String stripNewline(String message) {
		String text = (message == null) ? "" : message;
		while (text.endsWith("\n") || text.endsWith("\r")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
