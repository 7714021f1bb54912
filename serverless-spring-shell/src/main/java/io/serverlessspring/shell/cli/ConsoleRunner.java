package io.serverlessspring.shell.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.progress.ProgressTerminals;
import org.jline.terminal.Terminal;

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

	private final ObjectProvider<Terminal> terminal;

	private int exitCode;

	public ConsoleRunner(CommandParser parser, CommandRegistry registry, CommandOutcome outcome,
			ObjectProvider<ShellRunner> interactive, Environment environment, ObjectProvider<Terminal> terminal) {
		this.parser = parser;
		this.registry = registry;
		this.outcome = outcome;
		this.interactive = interactive;
		this.environment = environment;
		this.terminal = terminal;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String[] words = args.getSourceArgs();
		if (words.length > 0) {
			PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
			if (ProgressTerminals.standardOutputIsTerminal()) {
				ProgressTerminals.register(out, this::terminalWidth);
			}
			this.exitCode = execute(join(words), out, new StdinReader());
			out.flush();
		}
		else if (this.environment.getProperty("spring.shell.interactive.enabled", Boolean.class, true)) {
			Thread commands = Thread.currentThread();
			this.terminal.ifAvailable((terminal) -> CommandInterruption.install(terminal, commands));
			this.terminal.ifAvailable((terminal) -> ProgressTerminals.register(terminal.writer(), terminal::getWidth));
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
			return this.outcome.exitCode();
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

	/** The terminal's width for the progress line (COLUMNS, else 80, when it cannot be read). */
	private int terminalWidth() {
		Terminal terminal = this.terminal.getIfAvailable();
		if (terminal != null && terminal.getWidth() > 0) {
			return terminal.getWidth();
		}
		String columns = System.getenv("COLUMNS");
		return (columns != null && columns.matches("\\d+")) ? Integer.parseInt(columns) : 80;
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

	/**
	 * Reads confirmations, and secret values ({@code secrets set}), from standard input in one-shot
	 * mode: a secret with no echo from the terminal, or, when input is piped, all of it.
	 */
	static final class StdinReader implements InputReader {

		private final BufferedReader reader;

		private final Console console;

		StdinReader() {
			this(System.in, System.console());
		}

		/** @param console the terminal, or {@code null} when input or output is not one */
		StdinReader(InputStream in, Console console) {
			this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			this.console = console;
		}

		@Override
		public String readInput(String prompt) throws Exception {
			System.out.print(prompt);
			System.out.flush();
			// End of input (no terminal, nothing piped): no answer, which is not the same as "no".
			return this.reader.readLine();
		}

		@Override
		public String readInput() throws Exception {
			return readInput("");
		}

		/** A terminal asks with no echo; piped input is read to its end (a PEM key has several lines), less one final newline. */
		@Override
		public char[] readPassword(String prompt) throws Exception {
			if (this.console != null) {
				return this.console.readPassword("%s", prompt);
			}
			StringBuilder all = new StringBuilder();
			char[] buffer = new char[4096];
			for (int read = this.reader.read(buffer); read >= 0; read = this.reader.read(buffer)) {
				all.append(buffer, 0, read);
			}
			int end = all.length();
			if (end > 0 && all.charAt(end - 1) == '\n') {
				end--;
				if (end > 0 && all.charAt(end - 1) == '\r') {
					end--;
				}
			}
			char[] value = new char[end];
			all.getChars(0, end, value, 0);
			return value;
		}

		@Override
		public char[] readPassword() throws Exception {
			return readPassword("");
		}

	}

}
