package io.serverlessspring.shell.plan;

import java.util.List;

import io.serverlessspring.shell.model.DesiredStage;

/**
 * The steps that bring a stage from what exists to what is desired, in order.
 *
 * @param desired the desired state
 * @param actual what existed when planned
 * @param steps the changes; empty when the stage is up to date
 * @param unchanged resources found already as desired (for the printout)
 */
public record Plan(DesiredStage desired, ActualStage actual, List<Step> steps, List<String> unchanged) {

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
