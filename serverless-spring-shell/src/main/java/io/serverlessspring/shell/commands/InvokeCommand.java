package io.serverlessspring.shell.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.remote.Envelopes;
import io.serverlessspring.shell.remote.InvocationRenderer;
import io.serverlessspring.shell.remote.InvocationResult;
import io.serverlessspring.shell.remote.RemoteInvoker;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;

/** {@code invoke}: runs a bean method, a function, a SpEL expression or a raw event in the deployed stage. */
@Component
public class InvokeCommand {

	private final StageSessions sessions;

	private final CommandSupport support;

	private final RemoteInvoker invoker = new RemoteInvoker();

	public InvokeCommand(StageSessions sessions, CommandSupport support) {
		this.sessions = sessions;
		this.support = support;
	}

	@Command(name = "invoke", group = "Remote", description = "Run a bean method (or function, SpEL, raw event) in a deployed stage",
			help = """
					invoke STAGE TARGET [JSON-ARGS] [--async] [--json]
					invoke STAGE --raw EXPRESSION
					invoke STAGE --payload FILE|JSON

					Invokes the stage's live alias and prints the result, then the tail of that
					invocation's log. Exits non-zero when the function fails.
					  TARGET       bean#method, bean#method(java.lang.String,int), or a function bean name
					  JSON-ARGS    a JSON array of arguments, or one JSON value for a single argument
					  --raw        evaluate a SpEL expression in the app (needs serverless.commands.raw-enabled)
					  --payload    send this event as is (a file path or inline JSON), e.g. an S3 event
					  --async      fire and forget (InvocationType Event); follow it with 'tail'
					  --json       print the whole response envelope

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  invoke dev petService#countPets
					  invoke dev petJobs#sendWelcome '["rex", 3]'
					  invoke dev uppercase '"hello"'
					  invoke dev --raw "@petRepository.count() + 1"
					  invoke dev --payload src/test/resources/events/s3/put.json --async
					""")
	@TakesOptions({ PROJECT, AWS, JSON })
	public void invoke(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Argument(index = 1, description = "bean#method or function name", defaultValue = "") String target,
			@Argument(index = 2, description = "JSON arguments", defaultValue = "") String jsonArgs,
			@Option(longName = "raw", description = "a SpEL expression to evaluate", defaultValue = "") String raw,
			@Option(longName = "payload", description = "an event to send as is: a file or inline JSON", defaultValue = "") String payload,
			@Option(longName = "async", description = "do not wait for the result", defaultValue = "false") boolean async,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			String body = payload(target, jsonArgs, raw, payload);
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				String function = session.settings().functionName();
				InvocationResult result = this.invoker.invoke(session.clients(), function, body, async);
				if (InvocationRenderer.render(result, function, async, options.json(), io)) {
					this.support.fail(io, "The invocation failed.");
				}
			}
		});
	}

	/** The payload to send; checked before any AWS call. */
	static String payload(String targetOrNull, String jsonArgs, String rawOrNull, String payloadOrNull) throws Exception {
		// Spring Shell passes null for an option or argument left out.
		String target = (targetOrNull == null) ? "" : targetOrNull;
		String raw = (rawOrNull == null) ? "" : rawOrNull;
		String payload = (payloadOrNull == null) ? "" : payloadOrNull;
		int given = (target.isBlank() ? 0 : 1) + (raw.isBlank() ? 0 : 1) + (payload.isBlank() ? 0 : 1);
		if (given > 1) {
			throw new IllegalArgumentException("Give one of TARGET, --raw or --payload, not several.");
		}
		if (!raw.isBlank()) {
			return Envelopes.raw(raw);
		}
		if (!payload.isBlank()) {
			String trimmed = payload.trim();
			if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
				return trimmed;
			}
			Path file = Path.of(payload);
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException("--payload " + payload + ": no such file (give a file or inline JSON).");
			}
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		return Envelopes.invoke(target, jsonArgs);
	}

}
