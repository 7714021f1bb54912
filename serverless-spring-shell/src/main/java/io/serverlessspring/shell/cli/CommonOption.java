package io.serverlessspring.shell.cli;

import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * The options many commands share, declared once. A command takes them with
 * {@link TakesOptions @TakesOptions}; {@link CommonOptionsRegistrar} adds them to the command (so
 * the parser, completion and {@code help CMD} know them) and the command body reads their values
 * with {@link #value(CommandContext)} / {@link #flag(CommandContext)}.
 *
 * <p>Spring Shell 4 binds only {@code @Option} parameters one by one and has no parameter resolver
 * for a group of options; declaring them here keeps ~12 commands from repeating the same four to
 * seven parameters.
 */
public enum CommonOption {

	/** {@code --project DIR}: the project folder. */
	PROJECT(option("project", ' ', String.class, ".", "the project folder (default: current directory)")),

	/** {@code --profile}, {@code --region}, {@code --endpoint-url}: where the stage's AWS is. */
	AWS(option("profile", ' ', String.class, "", "AWS profile"), option("region", ' ', String.class, "", "AWS region"),
			option("endpoint-url", ' ', String.class, "", "AWS endpoint (an emulator); else AWS_ENDPOINT_URL")),

	/** {@code -y, --yes}: apply without asking. */
	YES(option("yes", 'y', boolean.class, "false", "apply without asking")),

	/** {@code --json}: print JSON. */
	JSON(option("json", ' ', boolean.class, "false", "print JSON")),

	/** {@code --dry-run}: print the plan, change nothing. */
	DRY_RUN(option("dry-run", ' ', boolean.class, "false", "print the plan, change nothing")),

	/** {@code --verbose}: show the tools' own output (Maven's) instead of a progress line. */
	VERBOSE(option("verbose", ' ', boolean.class, "false", "show Maven's output instead of a progress line"));

	private final List<CommandOption> options;

	CommonOption(CommandOption... options) {
		this.options = List.of(options);
	}

	/** The command-line options this one stands for (AWS is three). */
	public List<CommandOption> options() {
		return this.options;
	}

	/** The value of this (single) option on the command line, else its default. */
	public String value(CommandContext context) {
		return value(context, only().longName());
	}

	/** The value of {@code --longName} (one of this group's options) on the command line, else its default. */
	public String value(CommandContext context, String longName) {
		CommandOption declared = this.options.stream()
			.filter(option -> option.longName().equals(longName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(name() + " has no option --" + longName));
		CommandOption given = context.getOptionByLongName(longName);
		return (given != null && given.value() != null) ? given.value() : declared.defaultValue();
	}

	/** Whether this flag ({@code --yes}, {@code --json}, {@code --dry-run}) was given. */
	public boolean flag(CommandContext context) {
		String value = value(context).trim();
		if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw new IllegalArgumentException("--" + only().longName() + " takes true or false, not '" + value + "'.");
		}
		return Boolean.parseBoolean(value);
	}

	private CommandOption only() {
		if (this.options.size() != 1) {
			throw new IllegalStateException(name() + " stands for several options: name the one to read");
		}
		return this.options.get(0);
	}

	private static CommandOption option(String longName, char shortName, Class<?> type, String defaultValue,
			String description) {
		return CommandOption.with()
			.longName(longName)
			.shortName(shortName)
			.type(type)
			.defaultValue(defaultValue)
			.description(description)
			.required(false)
			.build();
	}

}
