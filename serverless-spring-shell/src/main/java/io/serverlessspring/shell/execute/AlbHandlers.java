package io.serverlessspring.shell.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.AlbChanges;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.state.AlbStateReader;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/** The load balancer front: load balancer, target group and its target, listener and rule. */
final class AlbHandlers {

	private AlbHandlers() {
	}

	static void register(Executor.Registry registry) {
		registry.on(AlbChanges.LoadBalancer.class, AlbHandlers::loadBalancer);
		registry.on(AlbChanges.TargetGroup.class, AlbHandlers::targetGroup);
		registry.on(AlbChanges.TargetRegistration.class, AlbHandlers::registration);
		registry.on(AlbChanges.Listener.class, AlbHandlers::listener);
		registry.on(AlbChanges.ListenerRule.class, AlbHandlers::rule);
	}

	private static void loadBalancer(AlbChanges.LoadBalancer change, ExecutionContext ctx) {
		ElasticLoadBalancingV2Client elb = ctx.clients().elbv2();
		switch (change.action()) {
			case CREATE -> {
				List<String> subnets = change.subnets().isEmpty() ? defaultSubnets(ctx.clients().ec2()) : change.subnets();
				// Created again by name, CreateLoadBalancer answers the existing one (it is idempotent).
				String arn = elb.createLoadBalancer(b -> b.name(change.name()).subnets(subnets)
					.securityGroups(change.securityGroups().isEmpty() ? null : change.securityGroups())
					.scheme(change.scheme()).type("application").tags(tags(change.tags())))
					.loadBalancers().get(0).loadBalancerArn();
				ctx.output(AlbChanges.LOAD_BALANCER_ARN, arn);
			}
			case UPDATE, REPLACE -> {
				if (!change.subnets().isEmpty()) {
					elb.setSubnets(b -> b.loadBalancerArn(change.arn()).subnets(change.subnets()));
				}
				if (!change.securityGroups().isEmpty()) {
					elb.setSecurityGroups(b -> b.loadBalancerArn(change.arn()).securityGroups(change.securityGroups()));
				}
			}
			case DELETE -> {
				try {
					elb.deleteLoadBalancer(b -> b.loadBalancerArn(change.arn()));
				}
				catch (LoadBalancerNotFoundException ex) {
					// already gone
				}
			}
		}
	}

	/** The default VPC's default subnets (one per availability zone), as the console does when none are given. */
	private static List<String> defaultSubnets(Ec2Client ec2) {
		List<String> subnets = new ArrayList<>();
		for (Subnet subnet : ec2.describeSubnets(b -> b.filters(Filter.builder().name("default-for-az").values("true")
			.build())).subnets()) {
			subnets.add(subnet.subnetId());
		}
		if (subnets.size() < 2) {
			throw new IllegalStateException("The account has no default VPC with subnets in two availability zones: "
					+ "set serverless.http.alb.subnets (and serverless.http.alb.security-groups)");
		}
		return subnets;
	}

	private static void targetGroup(AlbChanges.TargetGroup change, ExecutionContext ctx) {
		ElasticLoadBalancingV2Client elb = ctx.clients().elbv2();
		switch (change.action()) {
			case CREATE -> {
				String arn = elb.createTargetGroup(b -> b.name(change.name()).targetType(TargetTypeEnum.LAMBDA)
					.tags(tags(change.tags()))).targetGroups().get(0).targetGroupArn();
				multiValueHeaders(elb, arn, change.multiValueHeaders());
				ctx.output(AlbChanges.TARGET_GROUP_ARN, arn);
			}
			case UPDATE, REPLACE -> multiValueHeaders(elb, change.arn(), change.multiValueHeaders());
			case DELETE -> {
				try {
					elb.deleteTargetGroup(b -> b.targetGroupArn(change.arn()));
				}
				catch (TargetGroupNotFoundException ex) {
					// already gone
				}
			}
		}
	}

	private static void multiValueHeaders(ElasticLoadBalancingV2Client elb, String arn, boolean enabled) {
		elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(arn).attributes(a -> a
			.key(AlbStateReader.MULTI_VALUE_HEADERS).value(Boolean.toString(enabled))));
	}

	private static void registration(AlbChanges.TargetRegistration change, ExecutionContext ctx) {
		ElasticLoadBalancingV2Client elb = ctx.clients().elbv2();
		String group = ctx.resolve(change.targetGroupArn());
		if (change.action() == Action.DELETE) {
			elb.deregisterTargets(b -> b.targetGroupArn(group).targets(t -> t.id(change.target())));
		}
		else {
			elb.registerTargets(b -> b.targetGroupArn(group).targets(t -> t.id(change.target())));
		}
	}

	private static void listener(AlbChanges.Listener change, ExecutionContext ctx) {
		ElasticLoadBalancingV2Client elb = ctx.clients().elbv2();
		software.amazon.awssdk.services.elasticloadbalancingv2.model.Action notFound = notFound();
		switch (change.action()) {
			case CREATE -> {
				String loadBalancer = ctx.resolve(change.loadBalancerArn());
				String arn = elb.createListener(b -> b.loadBalancerArn(loadBalancer).port(change.port())
					.protocol(change.protocol()).defaultActions(notFound).tags(tags(change.tags()))
					.certificates(change.certificateArn() != null ? List.of(certificate(change.certificateArn())) : null))
					.listeners().get(0).listenerArn();
				ctx.output(AlbChanges.LISTENER_ARN, arn);
			}
			case UPDATE, REPLACE -> elb.modifyListener(b -> b.listenerArn(change.arn()).port(change.port())
				.protocol(change.protocol())
				.certificates(change.certificateArn() != null ? List.of(certificate(change.certificateArn())) : null));
			case DELETE -> {
				try {
					elb.deleteListener(b -> b.listenerArn(change.arn()));
				}
				catch (ListenerNotFoundException ex) {
					// already gone (with its load balancer)
				}
			}
		}
	}

	private static void rule(AlbChanges.ListenerRule change, ExecutionContext ctx) {
		ElasticLoadBalancingV2Client elb = ctx.clients().elbv2();
		switch (change.action()) {
			case CREATE -> {
				String listener = ctx.resolve(change.listenerArn());
				String group = ctx.resolve(change.targetGroupArn());
				elb.createRule(b -> b.listenerArn(listener).priority(change.priority())
					.conditions(paths(change.pathPatterns())).actions(forward(group)).tags(tags(change.tags())));
				ctx.output(Value.URL, AlbStateReader.url(ctx.clients(), listener));
			}
			case UPDATE, REPLACE -> {
				elb.modifyRule(b -> b.ruleArn(change.arn()).conditions(paths(change.pathPatterns()))
					.actions(forward(ctx.resolve(change.targetGroupArn()))));
				elb.setRulePriorities(b -> b.rulePriorities(p -> p.ruleArn(change.arn()).priority(change.priority())));
			}
			case DELETE -> {
				try {
					elb.deleteRule(b -> b.ruleArn(change.arn()));
				}
				catch (RuleNotFoundException ex) {
					// already gone
				}
			}
		}
	}

	private static RuleCondition paths(List<String> patterns) {
		return RuleCondition.builder().field("path-pattern").pathPatternConfig(p -> p.values(patterns)).build();
	}

	private static software.amazon.awssdk.services.elasticloadbalancingv2.model.Action forward(String group) {
		return software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder().type(ActionTypeEnum.FORWARD)
			.targetGroupArn(group).build();
	}

	private static software.amazon.awssdk.services.elasticloadbalancingv2.model.Action notFound() {
		return software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder()
			.type(ActionTypeEnum.FIXED_RESPONSE)
			.fixedResponseConfig(f -> f.statusCode("404").contentType("text/plain").messageBody("Not Found"))
			.build();
	}

	private static software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate certificate(String arn) {
		return software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate.builder().certificateArn(arn).build();
	}

	private static List<Tag> tags(Map<String, String> tags) {
		return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
	}

}
