package io.serverlessspring.shell.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Parses {@code deploy prod --project samples/petstore --yes} the way a CLI user expects.
 *
 * <p>Spring Shell's default parser reads every word before the first option as a sub-command and
 * wants a value after every option. Here the command is the longest run of leading words that names
 * a registered command ({@code local start}), the words after it are positional arguments, and a
 * boolean option may stand alone as a flag ({@code --yes}).
 */
public class ConsoleCommandParser implements CommandParser {

	private final CommandRegistry registry;

	public ConsoleCommandParser(CommandRegistry registry) {
		this.registry = registry;
	}

	@Override
	public ParsedInput parse(String input) {
		List<String> words = tokenize(input);
		if (words.isEmpty()) {
			return ParsedInput.builder().commandName("").build();
		}
		int commandWords = commandWordCount(words);
		String commandName = String.join(" ", words.subList(0, commandWords));
		Command command = this.registry.getCommandByName(commandName);
		ParsedInput.Builder builder = ParsedInput.builder().commandName(commandName);
		int argumentIndex = 0;
		boolean onlyArguments = false;
		for (int i = commandWords; i < words.size(); i++) {
			String word = words.get(i);
			if (onlyArguments || !word.startsWith("-") || word.equals("-") || isNegativeNumber(word)) {
				builder.addArgument(new CommandArgument(argumentIndex++, word));
				continue;
			}
			if (word.equals("--")) {
				onlyArguments = true;
				continue;
			}
			boolean longForm = word.startsWith("--");
			String body = word.substring(longForm ? 2 : 1);
			String name = body;
			String value = null;
			int equals = body.indexOf('=');
			if (equals >= 0) {
				name = body.substring(0, equals);
				value = body.substring(equals + 1);
			}
			if (command != null && !name.equals("help") && !(name.equals("h") && !longForm)
					&& declared(command, name, longForm) == null) {
				throw new IllegalArgumentException(unknownOption(command, word));
			}
			if (value == null) {
				String next = (i + 1 < words.size()) ? words.get(i + 1) : null;
				if (isFlag(command, name, longForm)) {
					value = ("true".equalsIgnoreCase(next) || "false".equalsIgnoreCase(next)) ? words.get(++i) : "true";
				}
				else if (next == null || (next.startsWith("-") && !isNegativeNumber(next))) {
					throw new IllegalArgumentException("Option '" + word + "' needs a value");
				}
				else {
					value = words.get(++i);
				}
			}
			// Carry both names of the declared option, so -n 3 finds a parameter declared as --number.
			CommandOption declared = declared(command, name, longForm);
			CommandOption.Builder option = CommandOption.with().value(value);
			option.longName(declared != null ? declared.longName() : (longForm ? name : ""));
			option.shortName(declared != null ? declared.shortName() : (longForm ? ' ' : name.charAt(0)));
			builder.addOption(option.build());
		}
		return builder.build();
	}

	private int commandWordCount(List<String> words) {
		int best = 1;
		StringBuilder candidate = new StringBuilder();
		for (int i = 0; i < words.size() && !words.get(i).startsWith("-"); i++) {
			if (i > 0) {
				candidate.append(' ');
			}
			candidate.append(words.get(i));
			if (exists(candidate.toString())) {
				best = i + 1;
			}
		}
		return best;
	}

	private boolean exists(String name) {
		try {
			return this.registry.getCommandByName(name) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean isFlag(Command command, String name, boolean longForm) {
		if (name.equals("help") || (!longForm && name.equals("h"))) {
			return true;
		}
		CommandOption option = declared(command, name, longForm);
		if (option == null) {
			return false;
		}
		Class<?> type = option.type();
		return type == boolean.class || type == Boolean.class;
	}

	private static CommandOption declared(Command command, String name, boolean longForm) {
		if (command == null || name.isEmpty()) {
			return null;
		}
		for (CommandOption option : command.getOptions()) {
			boolean same = longForm ? name.equals(option.longName())
					: (name.length() == 1 && option.shortName() == name.charAt(0));
			if (same) {
				return option;
			}
		}
		return null;
	}

	/** {@code tail takes --since, --filter, …: '--yes' is not one of them}. */
	private static String unknownOption(Command command, String word) {
		List<String> names = new ArrayList<>();
		for (CommandOption option : command.getOptions()) {
			if (option.longName() != null && !option.longName().isEmpty()) {
				names.add("--" + option.longName()
						+ ((option.shortName() != ' ' && option.shortName() != 0) ? " (-" + option.shortName() + ")" : ""));
			}
			else if (option.shortName() != ' ' && option.shortName() != 0) {
				names.add("-" + option.shortName());
			}
		}
		return command.getName() + " has no option '" + word + "'"
				+ (names.isEmpty() ? ": it takes none" : "; its options are " + String.join(", ", names))
				+ ". See '" + command.getName() + " --help'.";
	}

	private static boolean isNegativeNumber(String word) {
		return word.length() > 1 && word.charAt(0) == '-' && Character.isDigit(word.charAt(1));
	}

	/** Splits on blanks, keeping "double" or 'single' quoted runs together (quotes removed). */
	static List<String> tokenize(String input) {
		List<String> words = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\\' && quote == '"' && i + 1 < input.length()) {
					current.append(input.charAt(++i));
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(current.toString());
					current.setLength(0);
					inWord = false;
				}
			}
			else {
				current.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(current.toString());
		}
		return words;
	}

}
