package io.serverlessspring.shell.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.AlbSpec;
import io.serverlessspring.shell.state.AlbStateReader;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.join;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;

/**
 * The load balancer front ({@code type: alb}), as deploy makes it: the load balancer (unless one or a
 * listener is given), the Lambda target group with the live alias as its target, the permission
 * (made first: ELB checks it when the target is registered), the listener answering 404 and the rule
 * forwarding the path patterns to the group.
 */
final class AlbResources {

	private AlbResources() {
	}

	static void add(TemplateDocument stack, AlbSpec alb) {
		Object loadBalancer = alb.loadBalancerArn();
		if (alb.ownsLoadBalancer()) {
			// A template cannot look the default VPC up: deploy does, a stack needs the subnets named.
			if (alb.subnets().isEmpty()) {
				throw new IllegalArgumentException("serverless.http.alb.subnets is required for a template of an ALB "
						+ "front: a stack cannot look up the default VPC's subnets (deploy can)");
			}
			Map<String, Object> properties = map("Name", alb.loadBalancerName(), "Type", "application", "Scheme",
					alb.scheme(), "Subnets", alb.subnets());
			if (!alb.securityGroups().isEmpty()) {
				properties.put("SecurityGroups", alb.securityGroups());
			}
			properties.put("Tags", stack.tagList());
			stack.resource("LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", properties);
			loadBalancer = ref("LoadBalancer");
		}
		stack.permission("LoadBalancerPermission", "elasticloadbalancing.amazonaws.com", null);
		Map<String, Object> group = stack.resource("TargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup",
				map("Name", alb.targetGroupName(), "TargetType", "lambda", "Targets", List.of(map("Id", stack.alias())),
						"TargetGroupAttributes", List.of(map("Key", AlbStateReader.MULTI_VALUE_HEADERS, "Value",
								Boolean.toString(alb.multiValueHeaders()))),
						"Tags", stack.tagList()));
		group.put("DependsOn", List.of("LoadBalancerPermission"));
		Object listener = alb.listenerArn();
		if (listener == null) {
			Map<String, Object> properties = map("LoadBalancerArn", loadBalancer, "Port", alb.port(), "Protocol",
					alb.protocol(), "DefaultActions", List.of(map("Type", "fixed-response", "FixedResponseConfig",
							map("StatusCode", "404", "ContentType", "text/plain", "MessageBody", "Not Found"))));
			if ("HTTPS".equals(alb.protocol())) {
				properties.put("Certificates", List.of(map("CertificateArn", alb.certificateArn())));
			}
			stack.resource("Listener", "AWS::ElasticLoadBalancingV2::Listener", properties);
			listener = ref("Listener");
		}
		stack.resource("ListenerRule", "AWS::ElasticLoadBalancingV2::ListenerRule", map("ListenerArn", listener,
				"Priority", alb.priority(), "Conditions", List.of(map("Field", "path-pattern", "PathPatternConfig",
						map("Values", alb.pathPatterns()))),
				"Actions", List.of(map("Type", "forward", "TargetGroupArn", ref("TargetGroup")))));
		if (alb.ownsLoadBalancer()) {
			List<Object> url = new ArrayList<>(List.of(alb.protocol().toLowerCase() + "://",
					getAtt("LoadBalancer", "DNSName")));
			boolean defaultPort = alb.port() == ("HTTPS".equals(alb.protocol()) ? 443 : 80);
			url.add((defaultPort ? "" : ":" + alb.port()) + "/");
			stack.output("Url", join("", url));
		}
	}

}
