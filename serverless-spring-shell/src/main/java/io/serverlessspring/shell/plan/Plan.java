package io.serverlessspring.shell.plan;

import java.util.List;

/**
 * The changes that bring a stage from what exists to what is desired, in the order they must be
 * applied: data, so it can be printed, serialised, compared and is empty when nothing changed.
 *
 * @param stage the stage
 * @param function the function the stage deploys
 * @param changes the changes; empty when the stage is up to date
 * @param unchanged resources found already as desired (for the printout)
 * @param notes what the desired state asks for that is not applied (for the printout)
 */
public record Plan(String stage, String function, List<ResourceChange> changes, List<String> unchanged,
		List<String> notes) {

	public Plan {
		changes = List.copyOf(changes);
		unchanged = List.copyOf(unchanged);
		notes = List.copyOf(notes);
	}

	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/** This plan with only the changes {@code keep} accepts (e.g. {@code schedule}: schedules and event sources). */
	public Plan only(java.util.function.Predicate<ResourceChange> keep, java.util.function.Predicate<String> keepUnchanged) {
		return new Plan(this.stage, this.function, this.changes.stream().filter(keep).toList(),
				this.unchanged.stream().filter(keepUnchanged).toList(), this.notes);
	}

}
