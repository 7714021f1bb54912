package io.serverlessspring.shell.commands;

/**
 * The help text blocks many commands share, written once. They are compile-time constants so a
 * {@code @Command(help = ...)} can splice them between its own text blocks.
 */
public final class CommandHelp {

	/** The "Common options:" block of every stage command ({@code CommonOption.PROJECT} and {@code AWS}). */
	public static final String COMMON_OPTIONS = """
			Common options:
			  --project DIR       the project folder (default: current directory)
			  --profile P         AWS profile; --region R  AWS region
			  --endpoint-url URL  an AWS endpoint (an emulator); else AWS_ENDPOINT_URL

			""";

	/** The {@code --dry-run} line of a command that plans its changes. */
	public static final String DRY_RUN = "  --dry-run           print the plan, change nothing\n";

	/** The {@code --json} line of a plan command. */
	public static final String JSON_PLAN = "  --json              print the plan as JSON (kind, resource, action, fields before/after; secrets masked)\n";

	private CommandHelp() {
	}

}
