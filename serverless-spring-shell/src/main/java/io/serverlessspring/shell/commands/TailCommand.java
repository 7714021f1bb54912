package io.serverlessspring.shell.commands;

import java.time.Duration;
import java.time.Instant;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.logs.LogRenderer;
import io.serverlessspring.shell.logs.LogSelection;
import io.serverlessspring.shell.logs.LogTailer;
import io.serverlessspring.shell.logs.Since;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.remote.RemoteInvoker;

import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;

/** {@code tail}: prints a stage's logs from CloudWatch Logs, following them by default. */
@Component
public class TailCommand {

	/** How often {@code --follow} asks CloudWatch for new lines. */
	static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private final StageSessions sessions;

	private final CommandSupport support;

	public TailCommand(StageSessions sessions, CommandSupport support) {
		this.sessions = sessions;
		this.support = support;
	}

	@Command(name = "tail", group = "Remote", description = "Print a stage's logs, following new lines",
			help = """
					tail STAGE [--since 10m] [--filter PATTERN] [--http | --non-http] [--no-follow] [--raw] [--no-color]

					Prints the function's log lines from all its log streams in time order, then keeps
					printing new ones (Ctrl-C stops). Lambda's START/END/REPORT lines are hidden unless --raw.
					  --since      how far back: 90s, 10m, 4h, 2d or an ISO-8601 instant (default 10m)
					  --filter     a CloudWatch Logs filter pattern, e.g. ERROR or "?ERROR ?WARN"
					  --http       only the HTTP access lines ([access] client "GET /path HTTP/1.1" 200 ...)
					  --non-http   everything but the access lines
					  --no-follow  print what is there and stop (--follow, the default, keeps printing)

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  tail dev
					  tail prod --since 4h --filter ERROR --no-follow
					  tail dev --http
					""")
	@TakesOptions({ PROJECT, AWS })
	public void tail(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(longName = "since", description = "how far back: 10m, 4h, 2d", defaultValue = "10m") String since,
			@Option(longName = "filter", description = "CloudWatch Logs filter pattern", defaultValue = "") String filter,
			@Option(longName = "http", description = "only HTTP access lines", defaultValue = "false") boolean http,
			@Option(longName = "non-http", description = "all but HTTP access lines", defaultValue = "false") boolean nonHttp,
			@Option(longName = "no-follow", description = "stop after printing what is there", defaultValue = "false") boolean noFollow,
			@Option(longName = "follow", description = "keep printing new lines (the default)") Boolean follow,
			@Option(longName = "raw", description = "also show START/END/REPORT lines", defaultValue = "false") boolean raw,
			@Option(longName = "no-color", description = "plain text", defaultValue = "false") boolean noColor,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			if (http && nonHttp) {
				throw new IllegalArgumentException("--http and --non-http exclude each other: give one of them.");
			}
			Instant from = Since.parse(since == null ? "10m" : since, Instant.now());
			LogSelection selection = http ? LogSelection.HTTP : nonHttp ? LogSelection.NON_HTTP : LogSelection.ALL;
			boolean color = !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
			LogRenderer renderer = new LogRenderer(color);
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				String group = ResourceNames.logGroup(session.settings().functionName());
				if (Boolean.TRUE.equals(follow) && noFollow) {
					throw new IllegalArgumentException("--follow and --no-follow exclude each other: give one of them.");
				}
				// Following is the default; --follow only says so explicitly.
				boolean following = !noFollow;
				if (following) {
					io.println("Following " + group + " (Ctrl-C to stop)");
				}
				try {
					new LogTailer(session.clients().logs(), POLL_INTERVAL).tail(group, from, filter, following,
							() -> !Thread.currentThread().isInterrupted(), line -> {
								if (selection.shows(line, raw)) {
									io.println(renderer.render(line));
								}
							});
				}
				catch (InterruptedException | SdkException ex) {
					// Ctrl-C at the prompt interrupts the command (it may land in the poll's HTTP call):
					// following stops and the prompt comes back, with the interrupt consumed here.
					if (!(ex instanceof InterruptedException) && !Thread.interrupted()) {
						throw ex;
					}
					io.println("Stopped following " + group + ".");
				}
			}
		});
	}

}
