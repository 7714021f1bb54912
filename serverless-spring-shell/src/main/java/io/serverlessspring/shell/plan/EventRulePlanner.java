package io.serverlessspring.shell.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStage.ActualRule;

/**
 * Plans the EventBridge rules of the {@code eventbridge} handlers: one rule per handler on its bus,
 * named {@link ResourceNames#eventRule}, with the handler's pattern and the live alias as target,
 * and the permission letting that rule (by ARN) invoke the alias. A rule on a bus no longer
 * declared, or of a handler that is gone, is deleted with its permission.
 */
public final class EventRulePlanner {

	/** Statement ids of the alias's permissions for rules start with this. */
	public static final String PERMISSION_PREFIX = "serverless-events-";

	private EventRulePlanner() {
	}

	static void rules(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		Map<String, ActualRule> existing = actual.events().rules();
		Set<String> wanted = new LinkedHashSet<>();
		Set<String> wantedNames = new LinkedHashSet<>();
		for (EventSourceSpec source : desired.eventSources()) {
			if (!"eventbridge".equals(source.type())) {
				continue;
			}
			String bus = Arns.resourceName(source.sourceArn());
			String name = ResourceNames.eventRule(desired.functionName(), source.id());
			String ruleArn = Arns.eventRule(desired.region(), desired.account(), bus, name);
			if (actual.missingSources().contains(source.sourceArn())) {
				unchanged.add("event rule " + name + " NOT CONNECTED: event bus " + bus
						+ " does not exist (create it, then deploy again)");
				continue;
			}
			if (source.deadLetterArn() != null && actual.missingSources().contains(source.deadLetterArn())) {
				unchanged.add("event rule " + name + " NOT CONNECTED: its dead-letter queue "
						+ Arns.resourceName(source.deadLetterArn()) + " does not exist (create it, then deploy again)");
				continue;
			}
			wanted.add(ruleArn);
			wantedNames.add(name);
			// The permission first, so the rule's first event is delivered.
			String statementId = permissionId(name);
			String statement = actual.permissions().get(statementId);
			if (statement == null || !statement.contains("\"" + ruleArn + "\"")) {
				// A rule moved to another bus has a new ARN: its permission is granted again for that one.
				changes.add(new HttpChanges.Permission((statement == null) ? Action.CREATE : Action.REPLACE,
						desired.functionName(), ResourceNames.ALIAS,
						statementId, "events.amazonaws.com", "lambda:InvokeFunction", Value.known(ruleArn), null, null,
						"rule " + name + " may invoke " + ResourceNames.ALIAS,
						List.of(FieldChange.of("source", null, ruleArn))));
			}
			ActualRule rule = existing.get(ruleArn);
			Diff diff = new Diff();
			if (rule == null || !Diff.sameJson(rule.pattern(), source.filter())) {
				diff.field("pattern", (rule != null) ? rule.pattern() : null, source.filter());
			}
			diff.field("enabled", (rule != null) ? rule.enabled() : null, source.enabled());
			diff.field("dead-letter queue", (rule != null) ? rule.deadLetterArn() : null, source.deadLetterArn());
			if (rule == null) {
				changes.add(new EventRuleChanges.Rule(Action.CREATE, name, bus, source.filter(), source.enabled(),
						desired.aliasArn(), source.deadLetterArn(), desired.tags(), source.id(), diff.fields()));
			}
			else if (!diff.isEmpty()) {
				changes.add(new EventRuleChanges.Rule(Action.UPDATE, name, bus, source.filter(), source.enabled(),
						desired.aliasArn(), source.deadLetterArn(), desired.tags(), diff.describe(), diff.fields()));
			}
			else {
				unchanged.add("event rule " + name);
			}
		}
		existing.forEach((arn, rule) -> {
			if (!wanted.contains(arn)) {
				// The permission stays when a rule of that name is wanted on another bus (it was granted again above).
				Map<String, String> permissions = wantedNames.contains(rule.name()) ? Map.of() : actual.permissions();
				remove(desired.functionName(), desired.aliasArn(), rule, permissions, "no longer declared", changes);
			}
		});
	}

	/** Every rule invoking the alias, and its permission: for undeploy and unschedule. */
	static void teardown(String function, String aliasArn, ActualStage actual, List<ResourceChange> changes) {
		actual.events().rules().values()
			.forEach((rule) -> remove(function, aliasArn, rule, actual.permissions(), "", changes));
	}

	private static void remove(String function, String aliasArn, ActualRule rule, Map<String, String> permissions,
			String detail, List<ResourceChange> changes) {
		changes.add(new EventRuleChanges.Rule(Action.DELETE, rule.name(), rule.bus(), null, false, aliasArn, null,
				Map.of(), detail, List.of()));
		if (permissions.containsKey(permissionId(rule.name()))) {
			changes.add(HttpPlanner.removePermission(function, permissionId(rule.name()), detail));
		}
	}

	/** The alias permission's statement id for one rule (rule names are unique per function; ids take 100). */
	static String permissionId(String ruleName) {
		String id = PERMISSION_PREFIX + ruleName;
		return (id.length() <= 100) ? id : id.substring(0, 100);
	}

}
