package io.serverlessspring.shell.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualAlb.ActualListener;
import io.serverlessspring.shell.state.ActualAlb.ActualLoadBalancer;
import io.serverlessspring.shell.state.ActualAlb.ActualRule;
import io.serverlessspring.shell.state.ActualAlb.ActualTargetGroup;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

/**
 * Reads a stage's load balancer front: the load balancer and target group named after the function,
 * the listeners the console tagged for it, and every rule forwarding to the group (also on listeners
 * of load balancers it attached to). Read-only calls.
 */
public final class AlbStateReader {

	/** The target group attribute saying whether Lambda gets multi-value headers and query parameters. */
	public static final String MULTI_VALUE_HEADERS = "lambda.multi_value_headers.enabled";

	private AlbStateReader() {
	}

	public static ActualAlb read(AwsClients clients, String function) {
		ElasticLoadBalancingV2Client elb = clients.elbv2();
		String name = ResourceNames.loadBalancer(function);
		LoadBalancer loadBalancer;
		TargetGroup group;
		try {
			loadBalancer = loadBalancer(elb, name);
			group = targetGroup(elb, name);
		}
		catch (AwsServiceException ex) {
			if (clients.target().emulated() && ex.statusCode() == 404) {
				// An emulator without ELBv2: nothing of it can exist there.
				return ActualAlb.NONE;
			}
			throw ex;
		}
		ActualLoadBalancer actualLoadBalancer = null;
		Set<String> loadBalancers = new LinkedHashSet<>();
		if (loadBalancer != null) {
			boolean ours = StageTags.ours(tags(elb, loadBalancer.loadBalancerArn()), function);
			actualLoadBalancer = new ActualLoadBalancer(loadBalancer.loadBalancerArn(), loadBalancer.loadBalancerName(),
					loadBalancer.dnsName(), loadBalancer.schemeAsString(),
					loadBalancer.availabilityZones().stream().map(z -> z.subnetId()).sorted().toList(),
					loadBalancer.securityGroups().stream().sorted().toList(), ours);
			if (ours) {
				loadBalancers.add(loadBalancer.loadBalancerArn());
			}
		}
		ActualTargetGroup actualGroup = null;
		if (group != null) {
			String arn = group.targetGroupArn();
			boolean multiValue = elb.describeTargetGroupAttributes(b -> b.targetGroupArn(arn)).attributes().stream()
				.anyMatch(a -> MULTI_VALUE_HEADERS.equals(a.key()) && "true".equals(a.value()));
			Set<String> targets = new LinkedHashSet<>();
			elb.describeTargetHealth(b -> b.targetGroupArn(arn)).targetHealthDescriptions()
				.forEach(t -> targets.add(t.target().id()));
			actualGroup = new ActualTargetGroup(arn, group.targetGroupName(), multiValue, targets);
			loadBalancers.addAll(group.loadBalancerArns());
		}
		List<ActualListener> listeners = new ArrayList<>();
		List<ActualRule> rules = new ArrayList<>();
		for (String loadBalancerArn : loadBalancers) {
			List<Listener> found;
			try {
				found = elb.describeListeners(b -> b.loadBalancerArn(loadBalancerArn)).listeners();
			}
			catch (LoadBalancerNotFoundException ex) {
				continue;
			}
			Map<String, Map<String, String>> listenerTags = tagsOf(elb, found.stream().map(Listener::listenerArn).toList());
			for (Listener listener : found) {
				if (StageTags.ours(listenerTags.getOrDefault(listener.listenerArn(), Map.of()), function)) {
					listeners.add(listener(listener));
				}
				if (actualGroup != null) {
					rules.addAll(rulesTo(elb, listener.listenerArn(), actualGroup.arn()));
				}
			}
		}
		return new ActualAlb(actualLoadBalancer, actualGroup, List.copyOf(listeners), List.copyOf(rules));
	}

	/** A listener given by ARN (attaching to it), or {@code null} when it does not exist. */
	public static ActualListener listener(AwsClients clients, String listenerArn) {
		try {
			return clients.elbv2().describeListeners(b -> b.listenerArns(listenerArn)).listeners().stream()
				.findFirst().map(AlbStateReader::listener).orElse(null);
		}
		catch (ListenerNotFoundException ex) {
			return null;
		}
	}

	/**
	 * The URL the load balancer answers on: {@code http(s)://<dns-name>[:port]/}; on an emulator the
	 * local cloud's ALB front door, {@code <endpoint>/_aws/elb/<name>/<port>/}.
	 */
	public static String url(AwsTarget target, String name, String dnsName, String protocol, int port) {
		if (target.emulated()) {
			String endpoint = target.endpoint().toString();
			endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
			return endpoint + "/_aws/elb/" + name + "/" + port + "/";
		}
		String scheme = protocol.toLowerCase();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + dnsName + (defaultPort ? "" : ":" + port) + "/";
	}

	/** The URL of the listener {@code listenerArn}, read from ELBv2. */
	public static String url(AwsClients clients, String listenerArn) {
		ElasticLoadBalancingV2Client elb = clients.elbv2();
		Listener listener = elb.describeListeners(b -> b.listenerArns(listenerArn)).listeners().get(0);
		LoadBalancer loadBalancer = elb.describeLoadBalancers(b -> b.loadBalancerArns(listener.loadBalancerArn()))
			.loadBalancers().get(0);
		return url(clients.target(), loadBalancer.loadBalancerName(), loadBalancer.dnsName(), listener.protocolAsString(),
				listener.port());
	}

	private static ActualListener listener(Listener listener) {
		String certificate = listener.hasCertificates() ? listener.certificates().stream().map(Certificate::certificateArn)
			.findFirst().orElse(null) : null;
		return new ActualListener(listener.listenerArn(), listener.loadBalancerArn(), listener.port(),
				listener.protocolAsString(), certificate);
	}

	private static List<ActualRule> rulesTo(ElasticLoadBalancingV2Client elb, String listenerArn, String groupArn) {
		List<ActualRule> rules = new ArrayList<>();
		for (Rule rule : elb.describeRules(b -> b.listenerArn(listenerArn)).rules()) {
			if (Boolean.TRUE.equals(rule.isDefault()) || !forwardsTo(rule.actions(), groupArn)) {
				continue;
			}
			List<String> patterns = new ArrayList<>();
			for (RuleCondition condition : rule.conditions()) {
				if ("path-pattern".equals(condition.field())) {
					if (condition.pathPatternConfig() != null && condition.pathPatternConfig().hasValues()) {
						patterns.addAll(condition.pathPatternConfig().values());
					}
					else {
						patterns.addAll(condition.values());
					}
				}
			}
			rules.add(new ActualRule(rule.ruleArn(), listenerArn, Integer.parseInt(rule.priority()), List.copyOf(patterns)));
		}
		return rules;
	}

	private static boolean forwardsTo(List<Action> actions, String groupArn) {
		for (Action action : actions) {
			if (groupArn.equals(action.targetGroupArn())) {
				return true;
			}
			if (action.forwardConfig() != null && action.forwardConfig().targetGroups().stream()
				.anyMatch(t -> groupArn.equals(t.targetGroupArn()))) {
				return true;
			}
		}
		return false;
	}

	private static LoadBalancer loadBalancer(ElasticLoadBalancingV2Client elb, String name) {
		try {
			return elb.describeLoadBalancers(b -> b.names(name)).loadBalancers().stream().findFirst().orElse(null);
		}
		catch (LoadBalancerNotFoundException ex) {
			return null;
		}
	}

	private static TargetGroup targetGroup(ElasticLoadBalancingV2Client elb, String name) {
		try {
			return elb.describeTargetGroups(b -> b.names(name)).targetGroups().stream().findFirst().orElse(null);
		}
		catch (TargetGroupNotFoundException ex) {
			return null;
		}
	}

	private static Map<String, String> tags(ElasticLoadBalancingV2Client elb, String arn) {
		return tagsOf(elb, List.of(arn)).getOrDefault(arn, Map.of());
	}

	private static Map<String, Map<String, String>> tagsOf(ElasticLoadBalancingV2Client elb, List<String> arns) {
		Map<String, Map<String, String>> tags = new HashMap<>();
		// DescribeTags takes at most 20 ARNs per call.
		for (int i = 0; i < arns.size(); i += 20) {
			List<String> batch = arns.subList(i, Math.min(arns.size(), i + 20));
			elb.describeTags(b -> b.resourceArns(batch)).tagDescriptions().forEach(description -> {
				Map<String, String> values = new HashMap<>();
				for (Tag tag : description.tags()) {
					values.put(tag.key(), tag.value());
				}
				tags.put(description.resourceArn(), values);
			});
		}
		return tags;
	}

}
