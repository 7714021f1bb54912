package io.serverlessspring.local.elbv2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ELBv2 model: load balancers, target groups, listeners and rules by ARN, with their tags. Plain
 * fields, so a state dir saves and loads it as JSON.
 */
public final class LoadBalancerModel {

	public Map<String, LoadBalancer> loadBalancers = new LinkedHashMap<>();

	public Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();

	public Map<String, Listener> listeners = new LinkedHashMap<>();

	public Map<String, Rule> rules = new LinkedHashMap<>();

	public Map<String, Map<String, String>> tags = new LinkedHashMap<>();

	public static final class LoadBalancer {

		public String arn;

		public String name;

		public String dnsName;

		public String scheme;

		public String created;

		public List<String> subnets = new ArrayList<>();

		public List<String> securityGroups = new ArrayList<>();

	}

	public static final class TargetGroup {

		public String arn;

		public String name;

		public String targetType;

		public Map<String, String> attributes = new LinkedHashMap<>();

		/** Registered target ids (for a Lambda target group, at most one function ARN). */
		public List<String> targets = new ArrayList<>();

	}

	public static final class Listener {

		public String arn;

		public String loadBalancerArn;

		public int port;

		public String protocol;

		public List<String> certificates = new ArrayList<>();

		public List<RuleAction> defaultActions = new ArrayList<>();

	}

	public static final class Rule {

		public String arn;

		public String listenerArn;

		public int priority;

		public List<RuleCondition> conditions = new ArrayList<>();

		public List<RuleAction> actions = new ArrayList<>();

	}

	/** A rule condition: a field ({@code path-pattern}, {@code host-header}, …) and the values it matches. */
	public static final class RuleCondition {

		public String field;

		public List<String> values = new ArrayList<>();

	}

	/** {@code forward} (to a target group) or {@code fixed-response}. */
	public static final class RuleAction {

		public String type;

		public String targetGroupArn;

		public String statusCode;

		public String contentType;

		public String messageBody;

	}

}
