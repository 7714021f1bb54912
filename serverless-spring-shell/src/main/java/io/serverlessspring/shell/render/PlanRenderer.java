package io.serverlessspring.shell.render;

import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;

/** Prints a plan: one line per change, then notes and what was found already as desired. */
public final class PlanRenderer {

	private PlanRenderer() {
	}

	/**
	 * @param account the account planned in
	 */
	public static String render(Plan plan, AwsTarget target, String account) {
		StringBuilder out = new StringBuilder();
		out.append("Plan for ")
			.append(plan.function())
			.append(" in ")
			.append(target.region())
			.append(target.endpoint() != null ? " at " + target.endpoint() : "")
			.append(" (account ")
			.append(account)
			.append("):\n");
		if (plan.isEmpty()) {
			out.append("  nothing to change: the stage is up to date\n");
		}
		for (ResourceChange change : plan.changes()) {
			out.append("  ").append(change.action().symbol()).append(' ').append(change.describe()).append('\n');
		}
		for (String note : plan.notes()) {
			out.append("  note: ").append(note).append('\n');
		}
		if (!plan.unchanged().isEmpty()) {
			out.append("  unchanged: ").append(String.join(", ", plan.unchanged())).append('\n');
		}
		return out.toString().stripTrailing();
	}

}
