package io.serverlessspring.shell.cli;

import org.jline.terminal.Terminal;

/**
 * Ctrl-C while a command runs at the {@code serverless>} prompt interrupts that command (a
 * following {@code tail} stops and the prompt comes back) instead of ending the console. While the
 * prompt waits for a line, JLine's own handler is in place; it restores this one after each line.
 */
final class CommandInterruption {

	private CommandInterruption() {
	}

	static void install(Terminal terminal, Thread commandThread) {
		terminal.handle(Terminal.Signal.INT, (signal) -> commandThread.interrupt());
	}

}
