package io.serverlessspring.shell.commands;

import io.serverlessspring.shell.local.LocalCloudLauncher;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

/** {@code local start|stop|status}: the local cloud that stages with endpoint {@code local} deploy to. */
@Component
public class LocalCommands {

	private final LocalCloudLauncher launcher;

	private final CommandSupport support;

	public LocalCommands(LocalCloudLauncher launcher, CommandSupport support) {
		this.launcher = launcher;
		this.support = support;
	}

	@Command(name = { "local", "start" }, group = "Local cloud", description = "Start the local cloud (no AWS account needed)",
			help = """
					local start

					Starts serverless-local in the background (or finds the one running) for stages whose
					serverless.deploy.endpoint is local. SERVERLESS_LOCAL_PORT and SERVERLESS_LOCAL_HOME choose
					its port and data folder.
					Examples:
					  local start
					  deploy local --project samples/petstore --yes
					""")
	public void start(CommandContext context) {
		this.support.run(context, true, io -> {
			boolean running = this.launcher.isRunning();
			this.launcher.ensureRunning(io::println);
			if (running) {
				io.println("The local cloud is already running on " + this.launcher.endpoint());
			}
			io.println("Use it from the AWS CLI with --endpoint-url " + this.launcher.endpoint() + " (any credentials).");
		});
	}

	@Command(name = { "local", "stop" }, group = "Local cloud", description = "Stop the local cloud started by the console",
			help = """
					local stop

					Stops the local cloud the console started (one started otherwise is left alone).
					Examples:
					  local stop
					""")
	public void stop(CommandContext context) {
		this.support.run(context, true, io -> io.println(this.launcher.stop() ? "Local cloud stopped."
				: "No local cloud started by the console is running."));
	}

	@Command(name = { "local", "status" }, group = "Local cloud", description = "Whether the local cloud runs",
			help = """
					local status

					Says whether the local cloud runs, and on which endpoint.
					Examples:
					  local status
					""")
	public void status(CommandContext context) {
		this.support.run(context, true, io -> io.println(this.launcher.isRunning()
				? "The local cloud is running on " + this.launcher.endpoint() : "The local cloud is not running."));
	}

}
