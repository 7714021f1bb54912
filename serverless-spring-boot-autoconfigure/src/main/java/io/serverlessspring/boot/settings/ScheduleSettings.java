package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/** {@code serverless.schedules.*}: {@code @Scheduled} methods on EventBridge. Owned by the runtime. */
public class ScheduleSettings {

	/** Whether the stage's schedules are created and enabled. */
	private boolean enabled = true;

	/** Ids of schedules (e.g. {@code reportJobs#nightlyReport}) created disabled on this stage. */
	private List<String> disabled = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getDisabled() {
		return this.disabled;
	}

	public void setDisabled(List<String> disabled) {
		this.disabled = disabled;
	}

}
