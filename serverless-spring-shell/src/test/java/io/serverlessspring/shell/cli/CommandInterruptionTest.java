package io.serverlessspring.shell.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.serverlessspring.shell.logs.LogTailer;
import io.serverlessspring.test.moto.MotoServer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ctrl-C at the prompt while {@code tail} follows a log group: the terminal's INT signal interrupts
 * the command's thread, the tail against CloudWatch Logs (moto, real HTTP) stops, and the thread is
 * free for the next command instead of the console ending.
 */
class CommandInterruptionTest {

	private static final String GROUP = "/aws/lambda/petstore-dev";

	private static MotoServer moto;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Test
	void ctrlCStopsAFollowingTailAndLeavesTheThreadRunning() throws Exception {
		moto.reset();
		try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder()
			.endpointOverride(moto.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
				Terminal terminal = TerminalBuilder.builder()
					.system(false)
					.streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
					.build()) {
			logs.createLogGroup((b) -> b.logGroupName(GROUP));
			List<String> polls = new CopyOnWriteArrayList<>();
			CompletableFuture<String> afterTail = new CompletableFuture<>();
			Thread command = new Thread(() -> afterTail.complete(follow(logs, polls)), "serverless-command");
			CommandInterruption.install(terminal, command);
			command.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> polls.size() >= 2);

			terminal.raise(Terminal.Signal.INT);

			assertThat(afterTail.get(30, TimeUnit.SECONDS)).isEqualTo("stopped, thread not interrupted any more");
			command.join(TimeUnit.SECONDS.toMillis(30));
			assertThat(command.isAlive()).isFalse();
		}
	}

	/** What TailCommand does: follow until interrupted, then carry on (the prompt comes back). */
	private static String follow(CloudWatchLogsClient logs, List<String> polls) {
		try {
			new LogTailer(logs, Duration.ofMillis(50)).tail(GROUP, Instant.now(), null, true, () -> {
				polls.add("poll");
				return !Thread.currentThread().isInterrupted();
			}, (line) -> {
			});
		}
		catch (InterruptedException ex) {
			// the interrupt was consumed by the sleep between polls
		}
		catch (RuntimeException ex) {
			// or it landed in the poll's HTTP call, which the SDK reports as aborted
			Thread.interrupted();
		}
		return Thread.currentThread().isInterrupted() ? "still interrupted" : "stopped, thread not interrupted any more";
	}

}
