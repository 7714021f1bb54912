package io.serverlessspring.shell.render;

import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.Step;

/** Prints a plan: one line per change, then what was found already as desired. */
public final class PlanRenderer {

	private PlanRenderer() {
	}

	public static String render(Plan plan, AwsTarget target) {
		StringBuilder out = new StringBuilder();
		out.append("Plan for ")
			.append(plan.desired().functionName())
			.append(" in ")
			.append(target.region())
			.append(target.endpoint() != null ? " at " + target.endpoint() : "")
			.append(" (account ")
			.append(plan.desired().account())
			.append("):\n");
		if (plan.isEmpty()) {
			out.append("  nothing to change: the stage is up to date\n");
		}
		for (Step step : plan.steps()) {
			out.append("  ").append(symbol(step.verb())).append(' ').append(step).append('\n');
		}
		for (String note : plan.desired().notes()) {
			out.append("  note: ").append(note).append('\n');
		}
		if (!plan.unchanged().isEmpty()) {
			out.append("  unchanged: ").append(String.join(", ", plan.unchanged())).append('\n');
		}
		return out.toString().stripTrailing();
	}

	private static char symbol(String verb) {
		return switch (verb) {
			case "create", "upload", "publish" -> '+';
			case "delete" -> '-';
			default -> '~';
		};
	}

}
