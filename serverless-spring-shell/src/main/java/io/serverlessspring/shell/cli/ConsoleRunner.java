package io.serverlessspring.shell.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Runs the console: one command when given arguments (its exit status becomes the process's), the
 * interactive {@code serverless>} prompt otherwise.
 *
 * <p>Spring Shell's own non-interactive runner discards command output and exit codes; CI needs both.
 */
public class ConsoleRunner implements ApplicationRunner, ExitCodeGenerator {

	private final CommandParser parser;

	private final CommandRegistry registry;

	private final CommandOutcome outcome;

	private final ObjectProvider<ShellRunner> interactive;

	private final Environment environment;

	private int exitCode;

	public ConsoleRunner(CommandParser parser, CommandRegistry registry, CommandOutcome outcome,
			ObjectProvider<ShellRunner> interactive, Environment environment) {
		this.parser = parser;
		this.registry = registry;
		this.outcome = outcome;
		this.interactive = interactive;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String[] words = args.getSourceArgs();
		if (words.length > 0) {
			PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
			this.exitCode = execute(join(words), out, new StdinReader());
			out.flush();
		}
		else if (this.environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true)) {
			this.interactive.getObject().run(words);
		}
	}

	/** Runs one command line, writing to {@code out}; returns its exit status (0 = success). */
	public int execute(String line, PrintWriter out, InputReader input) {
		this.outcome.reset();
		line = helpAlias(line);
		try {
			ParsedInput parsed = this.parser.parse(line);
			ExitStatus status = new CommandExecutor(this.registry)
				.execute(new CommandContext(parsed, this.registry, out, input));
			out.flush();
			if (status.code() != 0) {
				return status.code();
			}
			return this.outcome.failed() ? 1 : 0;
		}
		catch (CommandNotFoundException ex) {
			out.println("Unknown command '" + line.trim().split("\\s+")[0] + "'. Type 'help' to list the commands.");
			return 2;
		}
		catch (CommandExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			// A command method that throws reaches here wrapped by the reflective call.
			while (cause instanceof InvocationTargetException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			out.println("Error: " + cause.getMessage());
			return 1;
		}
		catch (IllegalArgumentException ex) {
			out.println("Error: " + ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			out.println("Error: " + ex.getMessage());
			return 1;
		}
		finally {
			out.flush();
		}
	}

	/**
	 * {@code serverless --help} / {@code -h} (what people type first) lists the commands, as
	 * {@code help} does, and {@code --help deploy} is {@code deploy --help}; Spring Shell only knows
	 * {@code --help} after a command name.
	 */
	static String helpAlias(String line) {
		String trimmed = line.trim();
		String first = trimmed.split("\\s+", 2)[0];
		if (first.equals("--help") || first.equals("-h")) {
			String rest = trimmed.substring(first.length()).trim();
			// "--help deploy" means "deploy --help" (the command's own help, with its examples).
			return rest.isEmpty() ? "help" : rest + " --help";
		}
		return line;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** Re-quotes arguments the operating system's shell has already split. */
	static String join(String[] words) {
		List<String> quoted = new ArrayList<>();
		for (String word : words) {
			boolean needsQuotes = word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
			quoted.add(needsQuotes ? '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : word);
		}
		return String.join(" ", quoted);
	}

	/** Reads confirmations from standard input in one-shot mode. */
	static final class StdinReader implements InputReader {

		private final BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

		@Override
		public String readInput(String prompt) throws Exception {
			System.out.print(prompt);
			System.out.flush();
			String line = this.reader.readLine();
			return (line != null) ? line : "";
		}

		@Override
		public String readInput() throws Exception {
			return readInput("");
		}

	}

}
