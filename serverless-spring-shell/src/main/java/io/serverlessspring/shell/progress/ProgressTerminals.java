package io.serverlessspring.shell.progress;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import java.util.WeakHashMap;
import java.util.function.IntSupplier;

/**
 * The output writers that are a terminal (the prompt's, or standard output of a one-shot run in a
 * terminal), with their width. Any other writer (a pipe, CI, a test's buffer) gets plain lines.
 */
public final class ProgressTerminals {

	private static final Map<PrintWriter, IntSupplier> terminals = Collections.synchronizedMap(new WeakHashMap<>());

	private ProgressTerminals() {
	}

	/** Marks {@code writer} as a terminal {@code width} columns wide. */
	public static void register(PrintWriter writer, IntSupplier width) {
		terminals.put(writer, width);
	}

	/** Whether this JVM's standard output is a terminal that can redraw a line (not a pipe, not TERM=dumb). */
	public static boolean standardOutputIsTerminal() {
		return System.console() != null && !"dumb".equals(System.getenv("TERM"));
	}

	/** The width of {@code writer}'s terminal, or empty when it is not one. */
	static OptionalInt width(PrintWriter writer) {
		IntSupplier width = terminals.get(writer);
		if (width == null) {
			return OptionalInt.empty();
		}
		int columns = width.getAsInt();
		return OptionalInt.of(columns > 20 ? columns : 80);
	}

}
