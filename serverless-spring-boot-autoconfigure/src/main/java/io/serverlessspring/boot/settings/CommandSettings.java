package io.serverlessspring.boot.settings;

/** {@code serverless.commands.*}: remote commands (invoke, manage). Owned by the runtime. */
public class CommandSettings {

	/** Whether {@code invoke --raw} may evaluate SpEL inside the function. Off by default. */
	private boolean rawEnabled = false;

	public boolean isRawEnabled() {
		return this.rawEnabled;
	}

	public void setRawEnabled(boolean rawEnabled) {
		this.rawEnabled = rawEnabled;
	}

}
