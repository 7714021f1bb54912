package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.model.AlbSpec;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.state.ActualAlb;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans the load balancer front ({@code serverless.http.type: alb}): the load balancer (unless one or
 * a listener is given), the function's Lambda target group, the permission letting ELB invoke the
 * alias, its registration, the listener and the rule; and removes them all when the type changes or
 * on undeploy.
 */
final class AlbPlanner {

	/** Statement id of the permission letting the target group invoke the live alias. */
	static final String ALB_PERMISSION = "serverless-alb";

	private static final String ELB_PRINCIPAL = "elasticloadbalancing.amazonaws.com";

	private AlbPlanner() {
	}

	static void plan(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		String function = desired.functionName();
		ActualAlb alb = actual.alb();
		if (desired.http().type() != HttpSettings.Type.ALB) {
			teardown(alb, changes);
			if (actual.permissions().containsKey(ALB_PERMISSION)) {
				changes.add(HttpPlanner.removePermission(function, ALB_PERMISSION, "no load balancer front"));
			}
			return;
		}
		AlbSpec spec = desired.http().alb();
		Map<String, String> tags = desired.tags();
		List<ResourceChange> deletes = new ArrayList<>();

		// The load balancer: ours, or the one given.
		Value loadBalancer = null;
		ActualAlb.ActualLoadBalancer ownLoadBalancer = (alb.loadBalancer() != null && alb.loadBalancer().ours())
				? alb.loadBalancer() : null;
		if (spec.ownsLoadBalancer()) {
			if (ownLoadBalancer == null) {
				changes.add(new AlbChanges.LoadBalancer(Action.CREATE, spec.loadBalancerName(), null, spec.subnets(),
						spec.securityGroups(), spec.scheme(), tags,
						spec.scheme() + (spec.subnets().isEmpty() ? ", default VPC" : ", " + Counts.of(spec.subnets().size(), "subnet")),
						List.of(FieldChange.of("scheme", null, spec.scheme()),
								FieldChange.of("subnets", null, spec.subnets().isEmpty() ? "default VPC" : spec.subnets()))));
				loadBalancer = Value.ref(AlbChanges.LOAD_BALANCER_ARN);
			}
			else {
				loadBalancer = Value.known(ownLoadBalancer.arn());
				Diff diff = new Diff();
				if (!spec.subnets().isEmpty()) {
					diff.field("subnets", ownLoadBalancer.subnets(), spec.subnets().stream().sorted().toList());
				}
				if (!spec.securityGroups().isEmpty()) {
					diff.field("security groups", ownLoadBalancer.securityGroups(),
							spec.securityGroups().stream().sorted().toList());
				}
				if (!diff.isEmpty()) {
					changes.add(new AlbChanges.LoadBalancer(Action.UPDATE, spec.loadBalancerName(), ownLoadBalancer.arn(),
							spec.subnets(), spec.securityGroups(), spec.scheme(), tags,
							ResourceChange.describe(diff.fields()), diff.fields()));
				}
				else {
					unchanged.add("load balancer " + spec.loadBalancerName());
				}
			}
		}
		else if (spec.loadBalancerArn() != null) {
			loadBalancer = Value.known(spec.loadBalancerArn());
		}

		// The target group, the permission and the alias registered in it.
		ActualAlb.ActualTargetGroup group = alb.targetGroup();
		Value groupArn;
		if (group == null) {
			changes.add(new AlbChanges.TargetGroup(Action.CREATE, spec.targetGroupName(), null, spec.multiValueHeaders(),
					tags, "lambda, multi-value headers " + (spec.multiValueHeaders() ? "on" : "off"),
					List.of(FieldChange.of("multi-value headers", null, spec.multiValueHeaders()))));
			groupArn = Value.ref(AlbChanges.TARGET_GROUP_ARN);
		}
		else {
			groupArn = Value.known(group.arn());
			if (group.multiValueHeaders() != spec.multiValueHeaders()) {
				changes.add(new AlbChanges.TargetGroup(Action.UPDATE, spec.targetGroupName(), group.arn(),
						spec.multiValueHeaders(), tags, "multi-value headers " + (spec.multiValueHeaders() ? "on" : "off"),
						List.of(FieldChange.of("multi-value headers", group.multiValueHeaders(), spec.multiValueHeaders()))));
			}
			else {
				unchanged.add("target group " + spec.targetGroupName());
			}
		}
		String statement = actual.permissions().get(ALB_PERMISSION);
		if (statement == null || group == null || !statement.contains(group.arn())) {
			changes.add(new HttpChanges.Permission((statement == null) ? Action.CREATE : Action.REPLACE, function,
					ResourceNames.ALIAS, ALB_PERMISSION, ELB_PRINCIPAL, "lambda:InvokeFunction", groupArn, null, null,
					"the target group may invoke " + ResourceNames.ALIAS,
					List.of(FieldChange.of("source", null, groupArn.toString()))));
		}
		if (group == null || !group.targets().contains(desired.aliasArn())) {
			changes.add(new AlbChanges.TargetRegistration(Action.CREATE, groupArn, desired.aliasArn(), "",
					List.of(FieldChange.of("target", null, desired.aliasArn()))));
		}

		// The listener: the one given, or ours on the load balancer.
		Value listener;
		ActualAlb.ActualListener keptListener = null;
		if (spec.listenerArn() != null) {
			listener = Value.known(spec.listenerArn());
		}
		else {
			String loadBalancerArn = (loadBalancer instanceof Value.Known known) ? known.value() : null;
			keptListener = alb.listeners().stream()
				.filter(l -> loadBalancerArn != null && loadBalancerArn.equals(l.loadBalancerArn()))
				.findFirst().orElse(null);
			String certificate = "HTTPS".equals(spec.protocol()) ? spec.certificateArn() : null;
			if (keptListener == null) {
				changes.add(new AlbChanges.Listener(Action.CREATE, loadBalancer, null, spec.port(), spec.protocol(),
						certificate, tags, spec.protocol() + ":" + spec.port() + ", else 404",
						List.of(FieldChange.of("port", null, spec.port()), FieldChange.of("protocol", null, spec.protocol()))));
				listener = Value.ref(AlbChanges.LISTENER_ARN);
			}
			else {
				listener = Value.known(keptListener.arn());
				Diff diff = new Diff();
				diff.field("port", keptListener.port(), spec.port())
					.field("protocol", keptListener.protocol(), spec.protocol())
					.field("certificate", keptListener.certificateArn(), certificate);
				if (!diff.isEmpty()) {
					changes.add(new AlbChanges.Listener(Action.UPDATE, loadBalancer, keptListener.arn(), spec.port(),
							spec.protocol(), certificate, tags, ResourceChange.describe(diff.fields()), diff.fields()));
				}
				else {
					unchanged.add("listener " + spec.protocol() + ":" + spec.port());
				}
			}
		}

		// The rule forwarding to the group, on that listener; rules elsewhere go.
		String listenerArn = (listener instanceof Value.Known known) ? known.value() : null;
		ActualAlb.ActualRule keptRule = alb.rules().stream()
			.filter(r -> listenerArn != null && listenerArn.equals(r.listenerArn()))
			.findFirst().orElse(null);
		if (keptRule == null) {
			changes.add(new AlbChanges.ListenerRule(Action.CREATE, listener, null, spec.priority(), spec.pathPatterns(),
					groupArn, tags, String.join(", ", spec.pathPatterns()) + " -> " + spec.targetGroupName(),
					List.of(FieldChange.of("path patterns", null, spec.pathPatterns()),
							FieldChange.of("priority", null, spec.priority()))));
		}
		else {
			Diff diff = new Diff();
			diff.field("path patterns", keptRule.pathPatterns(), spec.pathPatterns())
				.field("priority", keptRule.priority(), spec.priority());
			if (!diff.isEmpty()) {
				changes.add(new AlbChanges.ListenerRule(Action.UPDATE, listener, keptRule.arn(), spec.priority(),
						spec.pathPatterns(), groupArn, tags, ResourceChange.describe(diff.fields()), diff.fields()));
			}
			else {
				unchanged.add("listener rule " + String.join(", ", spec.pathPatterns()) + " -> " + spec.targetGroupName());
			}
		}
		for (ActualAlb.ActualRule rule : alb.rules()) {
			if (rule != keptRule) {
				deletes.add(deleteRule(rule));
			}
		}
		for (ActualAlb.ActualListener stale : alb.listeners()) {
			if (stale != keptListener) {
				deletes.add(deleteListener(stale));
			}
		}
		if (!spec.ownsLoadBalancer() && ownLoadBalancer != null) {
			deletes.add(deleteLoadBalancer(ownLoadBalancer));
		}
		changes.addAll(deletes);
	}

	/** Removes everything of the front, dependents first (rules, listeners, load balancer, target group). */
	static void teardown(ActualAlb alb, List<ResourceChange> changes) {
		for (ActualAlb.ActualRule rule : alb.rules()) {
			changes.add(deleteRule(rule));
		}
		for (ActualAlb.ActualListener listener : alb.listeners()) {
			changes.add(deleteListener(listener));
		}
		if (alb.loadBalancer() != null && alb.loadBalancer().ours()) {
			changes.add(deleteLoadBalancer(alb.loadBalancer()));
		}
		if (alb.targetGroup() != null) {
			changes.add(new AlbChanges.TargetGroup(Action.DELETE, alb.targetGroup().name(), alb.targetGroup().arn(), false,
					Map.of(), "", List.of()));
		}
	}

	private static AlbChanges.ListenerRule deleteRule(ActualAlb.ActualRule rule) {
		return new AlbChanges.ListenerRule(Action.DELETE, Value.known(rule.listenerArn()), rule.arn(), rule.priority(),
				rule.pathPatterns(), null, Map.of(), "", List.of());
	}

	private static AlbChanges.Listener deleteListener(ActualAlb.ActualListener listener) {
		return new AlbChanges.Listener(Action.DELETE, Value.known(listener.loadBalancerArn()), listener.arn(),
				listener.port(), listener.protocol(), null, Map.of(), "", List.of());
	}

	private static AlbChanges.LoadBalancer deleteLoadBalancer(ActualAlb.ActualLoadBalancer loadBalancer) {
		return new AlbChanges.LoadBalancer(Action.DELETE, loadBalancer.name(), loadBalancer.arn(), List.of(), List.of(),
				null, Map.of(), "", List.of());
	}

}
