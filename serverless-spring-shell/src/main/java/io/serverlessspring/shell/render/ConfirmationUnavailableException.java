package io.serverlessspring.shell.render;

/**
 * A command had to ask before changing anything, but no answer could be read (no terminal, input
 * closed) and {@code --yes} was not given: a script must say yes explicitly, so this is a usage
 * error, not a silent "no".
 */
public class ConfirmationUnavailableException extends RuntimeException {

	public ConfirmationUnavailableException(String question) {
		super("'" + question + "' needs an answer, but none can be read here (no terminal): pass --yes to apply "
				+ "without asking, or --dry-run to only see the plan. Nothing changed.");
	}

}
