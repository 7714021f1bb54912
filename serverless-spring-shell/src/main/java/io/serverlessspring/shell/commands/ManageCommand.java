package io.serverlessspring.shell.commands;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.remote.Envelopes;
import io.serverlessspring.shell.remote.InvocationRenderer;
import io.serverlessspring.shell.remote.InvocationResult;
import io.serverlessspring.shell.remote.RemoteInvoker;

import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;

/** {@code manage}: runs an actuator endpoint or a registered command inside the deployed function. */
@Component
public class ManageCommand {

	private final StageSessions sessions;

	private final CommandSupport support;

	private final RemoteInvoker invoker = new RemoteInvoker();

	public ManageCommand(StageSessions sessions, CommandSupport support) {
		this.sessions = sessions;
		this.support = support;
	}

	@Command(name = "manage", group = "Remote", description = "Run an actuator endpoint or an app command in a deployed stage",
			help = """
					manage STAGE COMMAND [ARGS...] [--json]

					Runs, inside the stage's live function, an actuator endpoint (read operations:
					health, info, env, metrics, loggers, ...; ARGS are its selector path) or a bean
					implementing io.serverlessspring.boot.commands.ServerlessCommand, and prints its output.
					'help' lists both. Put '--' before arguments that start with '-'.

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  manage dev health
					  manage dev env spring.application.name
					  manage dev metrics jvm.memory.used
					  manage dev help
					  manage dev -- reindex-pets --full
					""")
	@TakesOptions({ PROJECT, AWS, JSON })
	public void manage(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Argument(index = 1, description = "endpoint or command", defaultValue = "") String command,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			String body = Envelopes.manage(command, extraArguments(context));
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				String function = session.settings().functionName();
				InvocationResult result = this.invoker.invoke(session.clients(), function, body, false);
				if (InvocationRenderer.render(result, function, false, options.json(), io)) {
					this.support.fail(io, "The command failed.");
				}
			}
		});
	}

	/** Positional words after STAGE and COMMAND: the command's arguments. */
	static List<String> extraArguments(CommandContext context) {
		List<CommandArgument> arguments = new ArrayList<>(context.parsedInput().arguments());
		arguments.sort(Comparator.comparingInt(CommandArgument::index));
		List<String> extra = new ArrayList<>();
		for (CommandArgument argument : arguments) {
			if (argument.index() >= 2) {
				extra.add(argument.value());
			}
		}
		return extra;
	}

}
