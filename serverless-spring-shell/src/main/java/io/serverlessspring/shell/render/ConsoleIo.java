package io.serverlessspring.shell.render;

import java.io.PrintWriter;
import java.util.Locale;

import org.springframework.shell.core.InputReader;

/** Where a command writes, and how it asks for a confirmation. */
public final class ConsoleIo {

	private final PrintWriter out;

	private final InputReader input;

	private final boolean yes;

	private io.serverlessspring.shell.aws.AwsTarget target;

	public ConsoleIo(PrintWriter out, InputReader input, boolean yes) {
		this.out = out;
		this.input = input;
		this.yes = yes;
	}

	public void println(String line) {
		this.out.println(line);
		this.out.flush();
	}

	/** Where the command's AWS calls go, once known (error messages name it). */
	public io.serverlessspring.shell.aws.AwsTarget target() {
		return this.target;
	}

	public void setTarget(io.serverlessspring.shell.aws.AwsTarget target) {
		this.target = target;
	}

	public PrintWriter out() {
		return this.out;
	}

	/**
	 * Asks before changing anything. {@code --yes} answers yes; without a way to ask (no terminal
	 * and no input) it is an error naming {@code --yes}, so a script never reads a refusal as success.
	 * @throws ConfirmationUnavailableException when no answer can be read
	 */
	public boolean confirm(String question) {
		if (this.yes) {
			return true;
		}
		String answer;
		try {
			answer = this.input.readInput(question + " [y/N] ");
		}
		catch (Exception ex) {
			answer = null;
		}
		if (answer == null) {
			throw new ConfirmationUnavailableException(question);
		}
		String normalized = answer.trim().toLowerCase(Locale.ROOT);
		return normalized.equals("y") || normalized.equals("yes");
	}

}
