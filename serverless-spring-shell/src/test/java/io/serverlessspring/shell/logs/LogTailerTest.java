package io.serverlessspring.shell.logs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tailer against CloudWatch Logs as moto serves it (real SDK, real HTTP): lines from several
 * streams in time order, each exactly once across polls, and lines written after the tail started.
 */
class LogTailerTest {

	private static final String GROUP = "/aws/lambda/petstore-dev";

	private static MotoServer moto;

	private CloudWatchLogsClient logs;

	private final Instant start = Instant.now().minusSeconds(60);

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@BeforeEach
	void setUp() {
		moto.reset();
		this.logs = CloudWatchLogsClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
		this.logs.createLogGroup(b -> b.logGroupName(GROUP));
		this.logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("2026/11/25/[7]aaaa"));
		this.logs.createLogStream(b -> b.logGroupName(GROUP).logStreamName("2026/11/25/[7]bbbb"));
	}

	@AfterEach
	void close() {
		this.logs.close();
	}

	@Test
	void printsEveryStreamInTimeOrderAndStops() throws Exception {
		put("2026/11/25/[7]aaaa", 10, "START RequestId: 1 Version: 7", "hello from a");
		put("2026/11/25/[7]bbbb", 15, "hello from b");
		put("2026/11/25/[7]aaaa", 20, "[access] 203.0.113.9 \"GET /pets HTTP/1.1\" 200 42 3ms",
				"REPORT RequestId: 1 Duration: 3 ms");
		List<LogLine> lines = new CopyOnWriteArrayList<>();

		long count = new LogTailer(this.logs, Duration.ofMillis(100)).tail(GROUP, this.start, null, false, () -> true,
				lines::add);

		assertThat(count).isEqualTo(5);
		assertThat(lines).extracting(LogLine::message)
			.containsExactly("START RequestId: 1 Version: 7", "hello from a", "hello from b",
					"[access] 203.0.113.9 \"GET /pets HTTP/1.1\" 200 42 3ms", "REPORT RequestId: 1 Duration: 3 ms");
		assertThat(lines.stream().filter(l -> LogSelection.ALL.shows(l, false))).extracting(LogLine::message)
			.containsExactly("hello from a", "hello from b", "[access] 203.0.113.9 \"GET /pets HTTP/1.1\" 200 42 3ms");
		assertThat(lines.stream().filter(l -> LogSelection.HTTP.shows(l, false))).extracting(LogLine::message)
			.containsExactly("[access] 203.0.113.9 \"GET /pets HTTP/1.1\" 200 42 3ms");
		assertThat(lines.stream().filter(l -> LogSelection.NON_HTTP.shows(l, true))).extracting(LogLine::message)
			.containsExactly("START RequestId: 1 Version: 7", "hello from a", "hello from b",
					"REPORT RequestId: 1 Duration: 3 ms");
	}

	@Test
	void followingPrintsLinesWrittenAfterTheTailStartedEachOnce() throws Exception {
		put("2026/11/25/[7]aaaa", 0, "before the tail");
		List<String> seen = new CopyOnWriteArrayList<>();
		AtomicBoolean running = new AtomicBoolean(true);
		Thread tail = new Thread(() -> {
			try {
				new LogTailer(this.logs, Duration.ofMillis(50)).tail(GROUP, this.start, null, true, running::get,
						line -> seen.add(line.message()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		tail.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("before the tail"));
			// Written while the tail is polling, into both streams, with timestamps inside the window
			// the tailer asks again for on every poll: still printed once each.
			put("2026/11/25/[7]bbbb", 30, "after 1 in b");
			put("2026/11/25/[7]aaaa", 31, "after 2 in a");
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after 2 in a") && seen.contains("after 1 in b"));
			put("2026/11/25/[7]aaaa", 32, "after 3 in a");
			await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("after 3 in a"));
		}
		finally {
			running.set(false);
			tail.join(10_000);
		}
		assertThat(seen).containsExactly("before the tail", "after 1 in b", "after 2 in a", "after 3 in a");
	}

	@Test
	void aGroupThatDoesNotExistYetIsEmptyNotAnError() throws Exception {
		long count = new LogTailer(this.logs, Duration.ofMillis(10)).tail("/aws/lambda/never-ran", this.start, null,
				false, () -> true, line -> { });
		assertThat(count).isZero();
	}

	@Test
	void sinceAcceptsRelativeAndAbsoluteTimes() {
		Instant now = Instant.parse("2026-11-25T12:00:00Z");
		assertThat(Since.parse("10m", now)).isEqualTo(Instant.parse("2026-11-25T11:50:00Z"));
		assertThat(Since.parse("4h", now)).isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
		assertThat(Since.parse("2d", now)).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
		assertThat(Since.parse("2026-11-25T10:00:00Z", now)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Since.parse("yesterday", now))
			.hasMessageContaining("--since 'yesterday' is not valid");
	}

	private void put(String stream, int secondsAfterStart, String... messages) {
		long at = this.start.plusSeconds(secondsAfterStart).toEpochMilli();
		List<InputLogEvent> events = new java.util.ArrayList<>();
		for (int i = 0; i < messages.length; i++) {
			events.add(InputLogEvent.builder().timestamp(at + i).message(messages[i]).build());
		}
		this.logs.putLogEvents(b -> b.logGroupName(GROUP).logStreamName(stream).logEvents(events));
	}

}
