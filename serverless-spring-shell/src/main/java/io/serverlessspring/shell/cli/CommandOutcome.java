package io.serverlessspring.shell.cli;

/**
 * Whether the last command failed. Commands report their own errors (a sentence and a hint) and
 * record the failure here, so the one-shot runner can exit non-zero without a second message.
 */
public class CommandOutcome {

	/** Exit status of a failed command. */
	public static final int FAILED = 1;

	/** Exit status of a command used wrongly (a missing {@code --yes}, an unknown option). */
	public static final int USAGE = 2;

	private volatile int exitCode;

	public void reset() {
		this.exitCode = 0;
	}

	public void fail() {
		fail(FAILED);
	}

	public void fail(int exitCode) {
		this.exitCode = exitCode;
	}

	public boolean failed() {
		return this.exitCode != 0;
	}

	/** 0 when the last command succeeded. */
	public int exitCode() {
		return this.exitCode;
	}

}
