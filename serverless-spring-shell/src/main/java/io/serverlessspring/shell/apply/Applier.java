package io.serverlessspring.shell.apply;

import java.util.List;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.Step;

/**
 * Applies a plan, step by step: the only place that changes AWS. A failure stops at the failing
 * step; since every step is idempotent and the next deploy plans from what exists, it converges.
 */
public class Applier {

	private final List<StepListener> listeners;

	public Applier(List<StepListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	public ApplyContext apply(Plan plan, AwsClients clients, Consumer<String> progress) {
		ApplyContext context = new ApplyContext(clients, plan.desired(), progress);
		if (plan.actual().httpApi() != null) {
			context.setHttpApiId(plan.actual().httpApi().id());
			context.setUrl(plan.actual().httpApi().endpoint());
		}
		if (plan.actual().restApi() != null) {
			context.setRestApiId(plan.actual().restApi().id());
		}
		if (plan.actual().functionUrl() != null) {
			context.setUrl(plan.actual().functionUrl().url());
		}
		int index = 0;
		for (Step step : plan.steps()) {
			index++;
			progress.accept(String.format("  [%d/%d] %s", index, plan.steps().size(), step));
			try {
				step.action().apply(context);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			for (StepListener listener : this.listeners) {
				listener.applied(step, index);
			}
		}
		return context;
	}

	/** Told after each applied step (tests use it to stop a deploy between two steps). */
	@FunctionalInterface
	public interface StepListener {

		void applied(Step step, int index);

	}

}
