package io.serverlessspring.shell.execute;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.EventRuleChanges;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** EventBridge rules targeting the live alias: PutRule + PutTargets (idempotent), RemoveTargets + DeleteRule. */
final class EventRuleHandlers {

	private EventRuleHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(EventRuleChanges.Rule.class, EventRuleHandlers::rule);
	}

	private static void rule(EventRuleChanges.Rule change, ExecutionContext ctx) {
		var events = ctx.clients().eventBridge();
		if (change.action() == Action.DELETE) {
			try {
				// A rule with targets cannot be deleted.
				events.removeTargets(b -> b.rule(change.name()).eventBusName(change.bus()).ids(ResourceNames.ALIAS));
				events.deleteRule(b -> b.name(change.name()).eventBusName(change.bus()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
			return;
		}
		events.putRule(b -> {
			b.name(change.name()).eventBusName(change.bus()).eventPattern(change.pattern())
				.state(change.enabled() ? RuleState.ENABLED : RuleState.DISABLED)
				.description("Managed by serverless-spring for " + change.aliasArn());
			if (change.action() == Action.CREATE) {
				b.tags(change.tags().entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
					.toList());
			}
		});
		Target.Builder target = Target.builder().id(ResourceNames.ALIAS).arn(change.aliasArn());
		if (change.deadLetterArn() != null) {
			target.deadLetterConfig(d -> d.arn(change.deadLetterArn()));
		}
		events.putTargets(b -> b.rule(change.name()).eventBusName(change.bus()).targets(target.build()));
	}

}
