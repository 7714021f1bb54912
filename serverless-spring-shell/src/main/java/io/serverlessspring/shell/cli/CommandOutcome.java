package io.serverlessspring.shell.cli;

/**
 * Whether the last command failed. Commands report their own errors (a sentence and a hint) and
 * record the failure here, so the one-shot runner can exit non-zero without a second message.
 */
public class CommandOutcome {

	private volatile boolean failed;

	public void reset() {
		this.failed = false;
	}

	public void fail() {
		this.failed = true;
	}

	public boolean failed() {
		return this.failed;
	}

}
