package io.serverlessspring.maven.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of one console command line ({@code deploy prod --project DIR --yes}), as a goal passes
 * them to the console's own entry point: the console parses them exactly as when typed after
 * {@code ./serverless}. Blank values and unset flags are left out, so the console's defaults apply.
 */
public final class ConsoleCommandLine {

	private final List<String> words = new ArrayList<>();

	private ConsoleCommandLine(List<String> command) {
		this.words.addAll(command);
	}

	/** A command line starting with the command's name, e.g. {@code deploy} or {@code local start}. */
	public static ConsoleCommandLine command(String... name) {
		return new ConsoleCommandLine(List.of(name));
	}

	/** A positional argument (the stage, an invoke target); left out when blank. */
	public ConsoleCommandLine argument(String value) {
		if (value != null && !value.isBlank()) {
			this.words.add(value);
		}
		return this;
	}

	/** {@code --longName value}; left out when the value is blank. */
	public ConsoleCommandLine option(String longName, Object value) {
		if (value != null && !value.toString().isBlank()) {
			this.words.add("--" + longName);
			this.words.add(value.toString());
		}
		return this;
	}

	/** {@code --longName} when {@code on}. */
	public ConsoleCommandLine flag(String longName, boolean on) {
		if (on) {
			this.words.add("--" + longName);
		}
		return this;
	}

	/** Words added as they are (the {@code serverless.args} a user gives for options a goal does not name). */
	public ConsoleCommandLine words(List<String> more) {
		more.stream().filter(word -> !word.isBlank()).forEach(this.words::add);
		return this;
	}

	public List<String> words() {
		return List.copyOf(this.words);
	}

	@Override
	public String toString() {
		return String.join(" ", this.words);
	}

}
