package io.serverlessspring.shell.commands;

import io.serverlessspring.shell.aws.AwsErrorTranslator;
import io.serverlessspring.shell.aws.LastCall;
import io.serverlessspring.shell.cli.CommandOutcome;
import io.serverlessspring.shell.cli.CommonOption;
import io.serverlessspring.shell.packaging.PackagingException;
import io.serverlessspring.shell.progress.Progress;
import io.serverlessspring.shell.render.ConfirmationUnavailableException;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.settings.SettingsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;

/**
 * What every command shares: its output, error reporting (a sentence and a hint, never a stack
 * trace) and the failure status that becomes the exit code in one-shot mode.
 */
public class CommandSupport {

	private final CommandOutcome outcome;

	/** Answers no to every confirmation, without printing its question (a dry run). */
	private static final InputReader DECLINE = new InputReader() {
		@Override
		public String readInput(String prompt) {
			return "n";
		}
	};

	/** Made at the first --json output, not when the command beans are. */
	private static final class JsonOutput {

		static final JsonMapper MAPPER = JsonMapper.builder().build();

	}

	public CommandSupport(CommandOutcome outcome) {
		this.outcome = outcome;
	}

	/** A command body. */
	@FunctionalInterface
	public interface Body {

		void run(ConsoleIo io) throws Exception;

	}

	public void run(CommandContext context, boolean yes, Body body) {
		run(new ConsoleIo(context.outputWriter(), context.inputReader(), yes, progress(context, false)), body);
	}

	/**
	 * Runs a command that takes the common options: {@code --yes} answers its confirmations, and
	 * {@code --dry-run} declines them all, so even code that knows nothing of dry runs changes
	 * nothing after printing what it would do.
	 */
	public void run(CommandContext context, CommonOptionValues options, Body body) {
		InputReader input = options.dryRun() ? DECLINE : context.inputReader();
		run(new ConsoleIo(context.outputWriter(), input, options.yes() && !options.dryRun(), progress(context, options.json())),
				body);
	}

	/** A live progress line on a terminal, plain lines elsewhere; with {@code --json} on standard error. */
	private static Progress progress(CommandContext context, boolean json) {
		return Progress.forOutput(context.outputWriter(), json, CommonOption.VERBOSE.flag(context));
	}

	private void run(ConsoleIo io, Body body) {
		LastCall.clear();
		try {
			body.run(io);
		}
		catch (SettingsException ex) {
			fail(io, ex.problems().size() == 1 ? "Error: " + ex.problems().get(0)
					: "Error: the settings have " + ex.problems().size() + " problems:\n  " + String.join("\n  ", ex.problems()));
		}
		catch (PackagingException ex) {
			fail(io, "Error: " + ex.getMessage());
		}
		catch (ConfirmationUnavailableException ex) {
			io.println("Error: " + ex.getMessage());
			this.outcome.fail(CommandOutcome.USAGE);
		}
		catch (Exception ex) {
			AwsErrorTranslator.Translation translation = AwsErrorTranslator.translate(ex, io.target());
			if (translation != null) {
				fail(io, "Error: " + translation);
			}
			else {
				// An unexpected failure (a bug): say where, so it can be reported.
				StackTraceElement[] trace = ex.getStackTrace();
				fail(io, "Error: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName())
						+ ((ex.getMessage() == null && trace.length > 0) ? " at " + trace[0] : ""));
			}
		}
	}

	/** Writes {@code value} as indented JSON (the {@code --json} output of read commands). */
	public void printJson(ConsoleIo io, Object value) {
		io.println(JsonOutput.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
	}

	public void fail(ConsoleIo io, String message) {
		io.println(message);
		this.outcome.fail();
	}

}
