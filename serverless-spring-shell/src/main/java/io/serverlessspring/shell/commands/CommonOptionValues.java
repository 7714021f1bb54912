package io.serverlessspring.shell.commands;

import io.serverlessspring.shell.cli.CommonOption;
import io.serverlessspring.shell.deploy.CommonOptions;

import org.springframework.shell.core.command.CommandContext;

/**
 * The {@link CommonOption common options} of one command line, read once from its context.
 * Options a command does not take read as their defaults.
 *
 * @param target the project folder and AWS target
 * @param yes {@code --yes}: apply without asking
 * @param json {@code --json}: print JSON
 * @param dryRun {@code --dry-run}: print the plan, change nothing
 */
public record CommonOptionValues(CommonOptions target, boolean yes, boolean json, boolean dryRun) {

	public static CommonOptionValues of(CommandContext context) {
		CommonOptions target = new CommonOptions(CommonOption.PROJECT.value(context),
				CommonOption.AWS.value(context, "profile"), CommonOption.AWS.value(context, "region"),
				CommonOption.AWS.value(context, "endpoint-url"));
		return new CommonOptionValues(target, CommonOption.YES.flag(context), CommonOption.JSON.flag(context),
				CommonOption.DRY_RUN.flag(context));
	}

	/** The project folder alone, for commands that make no AWS call ({@code package}, {@code template}). */
	public CommonOptions projectOnly() {
		return new CommonOptions(this.target.project(), null, null, null);
	}

}
