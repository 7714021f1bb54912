package io.serverlessspring.boot.settings;

/** {@code serverless.logs.*}: the function's log group. Owned by the console (deploy). */
public class LogSettings {

	/** Log retention in days; 0 keeps logs forever. */
	private int retentionDays = 30;

	public int getRetentionDays() {
		return this.retentionDays;
	}

	public void setRetentionDays(int retentionDays) {
		this.retentionDays = retentionDays;
	}

}
