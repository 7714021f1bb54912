package io.serverlessspring.shell.render;

import java.io.PrintWriter;
import java.util.Locale;

import io.serverlessspring.shell.progress.Progress;

import org.springframework.shell.core.InputReader;

/** Where a command writes, and how it asks for a confirmation. */
public final class ConsoleIo {

	private final PrintWriter out;

	private final InputReader input;

	private final boolean yes;

	private io.serverlessspring.shell.aws.AwsTarget target;

	private final Progress progress;

	public ConsoleIo(PrintWriter out, InputReader input, boolean yes) {
		this(out, input, yes, null);
	}

	/** With {@code progress}: how long work shows (a live line on a terminal, else plain lines). */
	public ConsoleIo(PrintWriter out, InputReader input, boolean yes, Progress progress) {
		this.out = out;
		this.input = input;
		this.yes = yes;
		this.progress = (progress != null) ? progress : Progress.of(this::println);
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

	/** Where long work (build, uploads, waits) reports how far it is; also takes milestone lines. */
	public Progress progress() {
		return this.progress;
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
