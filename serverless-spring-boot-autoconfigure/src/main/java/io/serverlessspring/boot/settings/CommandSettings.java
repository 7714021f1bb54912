package io.serverlessspring.boot.settings;

import java.util.ArrayList;
import java.util.List;

/** {@code serverless.commands.*}: remote commands (invoke, manage). Owned by the runtime. */
public class CommandSettings {

	/** Whether {@code invoke --raw} may evaluate SpEL inside the function. Off by default. */
	private boolean rawEnabled = false;

	/**
	 * Actuator endpoints {@code manage} may run inside the function. They are made available to
	 * the function only, not exposed over HTTP.
	 */
	private List<String> manageEndpoints = new ArrayList<>(List.of("health", "info", "env", "mappings", "beans",
			"configprops", "conditions", "metrics", "loggers", "scheduledtasks", "serverless"));

	public boolean isRawEnabled() {
		return this.rawEnabled;
	}

	public void setRawEnabled(boolean rawEnabled) {
		this.rawEnabled = rawEnabled;
	}

	public List<String> getManageEndpoints() {
		return this.manageEndpoints;
	}

	public void setManageEndpoints(List<String> manageEndpoints) {
		this.manageEndpoints = manageEndpoints;
	}

}
