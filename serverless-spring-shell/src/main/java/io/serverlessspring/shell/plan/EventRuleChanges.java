package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

/** Changes to the EventBridge rules that send a bus's matching events to the live alias. */
public final class EventRuleChanges {

	private EventRuleChanges() {
	}

	/**
	 * A rule on {@code bus} with one target, the live alias ({@code aliasArn}); create and update put
	 * the rule and its target (both calls are idempotent), delete removes the target, then the rule.
	 *
	 * @param deadLetterArn the SQS queue the target sends events it cannot deliver to, or {@code null}
	 */
	public record Rule(Action action, String name, String bus, String pattern, boolean enabled, String aliasArn,
			String deadLetterArn, Map<String, String> tags, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "event rule";
		}

		@Override
		public String resource() {
			return "default".equals(this.bus) ? this.name : this.bus + "/" + this.name;
		}

	}

}
