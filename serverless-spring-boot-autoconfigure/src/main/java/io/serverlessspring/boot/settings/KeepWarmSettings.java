package io.serverlessspring.boot.settings;

/** {@code serverless.keep-warm.*}: periodic pings that keep an environment warm. */
public class KeepWarmSettings {

	/** Whether a keep-warm schedule is created. */
	private boolean enabled = true;

	/** How often it pings, as an EventBridge expression. */
	private String expression = "rate(4 minutes)";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getExpression() {
		return this.expression;
	}

	public void setExpression(String expression) {
		this.expression = expression;
	}

}
