package io.serverlessspring.boot.settings;

/** {@code serverless.logs.*}: the function's log group. Owned by the console (deploy). */
public class LogSettings {

	/**
	 * Log retention in days; 0 keeps logs forever. CloudWatch accepts 1, 3, 5, 7, 14, 30, 60, 90,
	 * 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653.
	 */
	private int retentionDays = 30;

	public int getRetentionDays() {
		return this.retentionDays;
	}

	public void setRetentionDays(int retentionDays) {
		this.retentionDays = retentionDays;
	}

}
