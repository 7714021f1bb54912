package io.serverlessspring.maven.console;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a forked console ended: its exit code and the last lines it printed.
 *
 * @param code the console's exit status (0 = success, 2 = bad input, 1 = failed)
 * @param lastLines the last lines of its output, where its error message is
 */
public record ConsoleExit(int code, List<String> lastLines) {

	/** Terminal colour and cursor sequences: not for a build log or an exception message. */
	private static final Pattern ANSI = Pattern.compile("\u001B\\[[;?0-9]*[ -/]*[@-~]");

	public boolean succeeded() {
		return this.code == 0;
	}

	/**
	 * The console's own message: from its last line starting with {@code Error:} to the end of the
	 * output (the sentence and its hint), else {@code null} when it printed none.
	 */
	public String errorMessage() {
		for (int i = this.lastLines.size() - 1; i >= 0; i--) {
			if (plain(this.lastLines.get(i)).startsWith("Error:")) {
				List<String> message = this.lastLines.subList(i, this.lastLines.size())
					.stream()
					.map(ConsoleExit::plain)
					.filter(line -> !line.isBlank())
					.toList();
				return String.join(System.lineSeparator(), message);
			}
		}
		return null;
	}

	static String plain(String line) {
		return ANSI.matcher(line).replaceAll("").strip();
	}

}
