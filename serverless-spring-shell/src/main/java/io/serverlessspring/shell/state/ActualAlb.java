package io.serverlessspring.shell.state;

import java.util.List;
import java.util.Set;

/**
 * What exists of a stage's load balancer front, found by name and the console's tags.
 *
 * @param loadBalancer the load balancer named after the function, or {@code null}
 * @param targetGroup the function's target group, or {@code null}
 * @param listeners listeners the console made (tagged for the function), on any load balancer
 * @param rules rules forwarding to the target group, on any listener
 */
public record ActualAlb(ActualLoadBalancer loadBalancer, ActualTargetGroup targetGroup,
		List<ActualListener> listeners, List<ActualRule> rules) {

	public static final ActualAlb NONE = new ActualAlb(null, null, List.of(), List.of());

	public boolean isEmpty() {
		return this.loadBalancer == null && this.targetGroup == null && this.listeners.isEmpty() && this.rules.isEmpty();
	}

	/** {@code ours}: tagged as made by the console for this function. */
	public record ActualLoadBalancer(String arn, String name, String dnsName, String scheme, List<String> subnets,
			List<String> securityGroups, boolean ours) {
	}

	public record ActualTargetGroup(String arn, String name, boolean multiValueHeaders, Set<String> targets) {
	}

	public record ActualListener(String arn, String loadBalancerArn, int port, String protocol,
			String certificateArn) {
	}

	public record ActualRule(String arn, String listenerArn, int priority, List<String> pathPatterns) {
	}

}
