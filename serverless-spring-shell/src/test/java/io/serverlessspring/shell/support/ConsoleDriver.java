package io.serverlessspring.shell.support;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.serverlessspring.shell.cli.ConsoleRunner;

import org.springframework.shell.core.InputReader;

/** Runs console command lines as the one-shot launcher does, capturing output and exit code. */
public final class ConsoleDriver {

	private final ConsoleRunner runner;

	public ConsoleDriver(ConsoleRunner runner) {
		this.runner = runner;
	}

	/** The outcome of one command line. */
	public record Run(int exitCode, String output) {

		/** The {@code URL: } line deploy prints, without a trailing slash. */
		public String url() {
			return this.output.lines()
				.filter(line -> line.startsWith("URL: "))
				.map(line -> line.substring("URL: ".length()).trim())
				.map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no URL in:\n" + this.output));
		}

	}

	public Run run(String line) {
		// No input: a command that would prompt gets no answer (as in CI without --yes).
		return run(line, new InputReader() {
			@Override
			public String readInput(String prompt) {
				return null;
			}
		});
	}

	/** Runs a line with {@code stdin} piped in: what {@code secrets set} reads as the value (no confirmation answered). */
	public Run run(String line, String stdin) {
		return run(line, new InputReader() {
			@Override
			public String readInput(String prompt) {
				return null;
			}

			@Override
			public char[] readPassword(String prompt) {
				return stdin.toCharArray();
			}
		});
	}

	private Run run(String line, InputReader input) {
		StringWriter buffer = new StringWriter();
		int exit = this.runner.execute(line, new PrintWriter(buffer, true), input);
		String output = buffer.toString();
		System.out.println("$ serverless " + line + "\n" + output + "(exit " + exit + ")");
		return new Run(exit, output);
	}

}
