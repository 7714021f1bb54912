package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

/**
 * Changes to the Application Load Balancer front ({@code serverless.http.type: alb}): the load
 * balancer, the function's Lambda target group, the alias registered in it, the listener and the
 * rule forwarding to the group. The permission letting ELB invoke the alias is an
 * {@link HttpChanges.Permission}.
 */
public final class AlbChanges {

	/** Output: the ARN of the load balancer just created. */
	public static final String LOAD_BALANCER_ARN = "loadBalancerArn";

	/** Output: the ARN of the target group just created. */
	public static final String TARGET_GROUP_ARN = "targetGroupArn";

	/** Output: the ARN of the listener just created. */
	public static final String LISTENER_ARN = "listenerArn";

	private AlbChanges() {
	}

	/**
	 * The load balancer deploy owns ({@code subnets} empty: the default VPC's, resolved when applied);
	 * an update sets its subnets and security groups; outputs {@link #LOAD_BALANCER_ARN}.
	 */
	public record LoadBalancer(Action action, String name, String arn, List<String> subnets,
			List<String> securityGroups, String scheme, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "load balancer";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/**
	 * The function's target group (target type {@code lambda}); an update sets
	 * {@code lambda.multi_value_headers.enabled}; outputs {@link #TARGET_GROUP_ARN}.
	 */
	public record TargetGroup(Action action, String name, String arn, boolean multiValueHeaders,
			Map<String, String> tags, String detail, List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "target group";
		}

		@Override
		public String resource() {
			return this.name;
		}

	}

	/** The live alias registered as the target group's target (a delete deregisters it). */
	public record TargetRegistration(Action action, Value targetGroupArn, String target, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "target";
		}

		@Override
		public String resource() {
			return this.target;
		}

	}

	/**
	 * A listener deploy owns on the load balancer, answering 404 unless a rule matches; an update
	 * sets port, protocol and certificate; outputs {@link #LISTENER_ARN}.
	 */
	public record Listener(Action action, Value loadBalancerArn, String arn, int port, String protocol,
			String certificateArn, Map<String, String> tags, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "listener";
		}

		@Override
		public String resource() {
			return (this.arn != null) ? this.arn : this.protocol + ":" + this.port;
		}

	}

	/** The rule forwarding the path patterns to the target group; an update sets priority and patterns. */
	public record ListenerRule(Action action, Value listenerArn, String arn, int priority, List<String> pathPatterns,
			Value targetGroupArn, Map<String, String> tags, String detail, List<FieldChange> fields)
			implements ResourceChange {

		@Override
		public String kind() {
			return "listener rule";
		}

		@Override
		public String resource() {
			return (this.arn != null) ? this.arn : "priority " + this.priority;
		}

	}

}
