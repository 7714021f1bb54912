package io.serverlessspring.boot.settings;

/** {@code serverless.schedules.*}: {@code @Scheduled} methods on EventBridge. Owned by the runtime. */
public class ScheduleSettings {

	/** Whether the stage's schedules are created and enabled. */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
