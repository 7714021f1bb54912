package io.serverlessspring.shell.model;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.settings.HttpAlbSettings;

/**
 * The Application Load Balancer front ({@code serverless.http.type: alb}): the load balancer deploy
 * creates or the one (or listener) it attaches to, the function's Lambda target group and the rule
 * that forwards to it.
 *
 * @param loadBalancerName name of the load balancer deploy creates (unused when attaching)
 * @param targetGroupName name of the function's target group
 * @param subnets subnets of a created load balancer; empty: the default VPC's
 * @param securityGroups its security groups; empty: the VPC's default
 * @param scheme {@code internet-facing} or {@code internal}
 * @param port the listener's port
 * @param protocol {@code HTTP} or {@code HTTPS}
 * @param certificateArn the HTTPS listener's certificate, or {@code null}
 * @param multiValueHeaders whether the target group sends multi-value headers and query parameters
 * @param pathPatterns the rule's path-pattern condition
 * @param priority the rule's priority
 * @param loadBalancerArn an existing load balancer to put the listener on, or {@code null}
 * @param listenerArn an existing listener to put the rule on, or {@code null}
 */
public record AlbSpec(String loadBalancerName, String targetGroupName, List<String> subnets,
		List<String> securityGroups, String scheme, int port, String protocol, String certificateArn,
		boolean multiValueHeaders, List<String> pathPatterns, int priority, String loadBalancerArn,
		String listenerArn) {

	public static AlbSpec of(HttpAlbSettings settings, String function) {
		String name = ResourceNames.loadBalancer(function);
		return new AlbSpec(name, name, List.copyOf(settings.getSubnets()), List.copyOf(settings.getSecurityGroups()),
				settings.getScheme(), settings.effectiveListenerPort(), settings.getListenerProtocol(),
				settings.getCertificateArn(), settings.isMultiValueHeaders(), List.copyOf(settings.getPathPatterns()),
				settings.getPriority(), settings.getLoadBalancerArn(), settings.getListenerArn());
	}

	/** Whether deploy makes its own load balancer (not attaching to a given one or to a given listener). */
	public boolean ownsLoadBalancer() {
		return this.loadBalancerArn == null && this.listenerArn == null;
	}

}
