package io.serverlessspring.local.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.local.SharedCloud;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a state directory, log events are appended to a file (never rewritten while running) and survive a restart. */
class LogJournalTest {

	@Test
	void appendsNewEventsWithoutRewritingTheFileAndKeepsThemAcrossARestart(@TempDir Path state) throws Exception {
		Path journal = state.resolve("LogsService.events.jsonl");
		long start = System.currentTimeMillis();
		try (LocalCloud cloud = LocalCloud.start(0, state)) {
			CloudWatchLogsClient logs = SharedCloud.configure(CloudWatchLogsClient.builder(), cloud.endpoint());
			logs.createLogGroup((c) -> c.logGroupName("/aws/lambda/journal"));
			logs.createLogStream((c) -> c.logGroupName("/aws/lambda/journal").logStreamName("one"));
			logs.createLogGroup((c) -> c.logGroupName("/aws/lambda/deleted"));
			logs.createLogStream((c) -> c.logGroupName("/aws/lambda/deleted").logStreamName("gone"));
			put(logs, "/aws/lambda/deleted", "gone", start, "deleted-event");
			List<String> first = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				first.add("first batch event " + i);
			}
			put(logs, "/aws/lambda/journal", "one", start, first.toArray(String[]::new));
			await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(journal)
					&& Files.readString(journal).contains("first batch event 199"));
			byte[] before = Files.readAllBytes(journal);

			put(logs, "/aws/lambda/journal", "one", start + 1, "second batch event a", "second batch event b");
			await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(journal).contains("second batch event b"));
			byte[] after = Files.readAllBytes(journal);
			assertThat(Arrays.copyOf(after, before.length)).as("the bytes already there are unchanged").isEqualTo(before);
			assertThat(after.length - before.length).as("grown by about the two new events, not rewritten")
				.isBetween(2 * "second batch event a".length(), 600);
			assertThat(Files.readString(state.resolve("LogsService.json"))).as("the snapshot holds no events")
				.doesNotContain("first batch event");
			logs.deleteLogGroup((d) -> d.logGroupName("/aws/lambda/deleted"));
		}

		try (LocalCloud restarted = LocalCloud.start(0, state)) {
			CloudWatchLogsClient logs = SharedCloud.configure(CloudWatchLogsClient.builder(), restarted.endpoint());
			List<OutputLogEvent> events = logs.getLogEvents((g) -> g.logGroupName("/aws/lambda/journal").logStreamName("one")
				.startFromHead(true)).events();
			assertThat(events).hasSize(202);
			assertThat(events.get(0).message()).isEqualTo("first batch event 0");
			assertThat(events.get(201).message()).isEqualTo("second batch event b");
			assertThat(logs.describeLogGroups().logGroups()).extracting((g) -> g.logGroupName())
				.contains("/aws/lambda/journal").doesNotContain("/aws/lambda/deleted");
		}
		assertThat(Files.readString(journal)).as("compacted at start: the deleted group's events are gone")
			.doesNotContain("deleted-event");
	}

	@Test
	void loadsAStateDirectorySavedWithEventsInTheSnapshotAndMovesThemToTheJournal(@TempDir Path state) throws Exception {
		// the format before the journal: events inside LogsService.json
		Files.writeString(state.resolve("LogsService.json"), """
				[ { "name" : "/aws/lambda/old", "created" : 1764000000000, "tags" : { },
				    "streams" : { "s" : { "name" : "s", "created" : 1764000000000,
				      "events" : [ { "timestamp" : 1764000000001, "message" : "saved before the journal", "ingestionTime" : 1764000000002 } ] } } } ]
				""");
		try (LocalCloud cloud = LocalCloud.start(0, state)) {
			CloudWatchLogsClient logs = SharedCloud.configure(CloudWatchLogsClient.builder(), cloud.endpoint());
			assertThat(logs.getLogEvents((g) -> g.logGroupName("/aws/lambda/old").logStreamName("s").startFromHead(true)).events())
				.extracting(OutputLogEvent::message).containsExactly("saved before the journal");
		}
		assertThat(Files.readString(state.resolve("LogsService.events.jsonl"))).contains("saved before the journal");
		assertThat(Files.readString(state.resolve("LogsService.json"))).doesNotContain("saved before the journal");
		try (LocalCloud restarted = LocalCloud.start(0, state)) {
			CloudWatchLogsClient logs = SharedCloud.configure(CloudWatchLogsClient.builder(), restarted.endpoint());
			assertThat(logs.getLogEvents((g) -> g.logGroupName("/aws/lambda/old").logStreamName("s").startFromHead(true)).events())
				.extracting(OutputLogEvent::message).containsExactly("saved before the journal");
		}
	}

	private static void put(CloudWatchLogsClient logs, String group, String stream, long timestamp, String... messages) {
		List<InputLogEvent> events = Arrays.stream(messages)
			.map((message) -> InputLogEvent.builder().timestamp(timestamp).message(message).build())
			.toList();
		logs.putLogEvents((p) -> p.logGroupName(group).logStreamName(stream).logEvents(events));
	}

}
