package io.serverlessspring.shell.plan;

import io.serverlessspring.shell.apply.ApplyContext;

/**
 * One change to AWS: printed by {@code --dry-run}, applied by the applier. Each action is idempotent,
 * so re-running a plan that stopped half-way converges.
 *
 * @param verb {@code create}, {@code update}, {@code upload}, {@code publish}, {@code delete}
 * @param resource what it changes, e.g. {@code function petstore-dev}
 * @param detail why, e.g. {@code memory 512 -> 1024}; empty when obvious
 * @param action the AWS calls
 */
public record Step(String verb, String resource, String detail, Action action) {

	@Override
	public String toString() {
		return this.verb + " " + this.resource + (this.detail.isEmpty() ? "" : " (" + this.detail + ")");
	}

	/** The AWS calls of a step. */
	@FunctionalInterface
	public interface Action {

		void apply(ApplyContext context) throws Exception;

	}

}
