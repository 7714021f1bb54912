package io.serverlessspring.local.elbv2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.elbv2.LoadBalancerModel.Listener;
import io.serverlessspring.local.elbv2.LoadBalancerModel.LoadBalancer;
import io.serverlessspring.local.elbv2.LoadBalancerModel.Rule;
import io.serverlessspring.local.elbv2.LoadBalancerModel.RuleAction;
import io.serverlessspring.local.elbv2.LoadBalancerModel.RuleCondition;
import io.serverlessspring.local.elbv2.LoadBalancerModel.TargetGroup;
import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.FrontDoor;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.QueryParameters;
import io.serverlessspring.local.server.Xml;

/**
 * Elastic Load Balancing v2 (awsQuery), Application Load Balancers with Lambda targets: load
 * balancers, target groups (attributes, targets), listeners, rules and tags; what the console's
 * {@code type: alb} front uses. {@link AlbFrontDoor} serves the listeners over HTTP.
 */
public final class Elbv2Service implements AwsService, Persistent {

	private static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

	/** The principal a function's resource policy must allow before a Lambda target is registered. */
	static final String PRINCIPAL = "elasticloadbalancing.amazonaws.com";

	static final String MULTI_VALUE_HEADERS = "lambda.multi_value_headers.enabled";

	private LoadBalancerModel model = new LoadBalancerModel();

	private LocalContext context;

	@Override
	public String signingName() {
		return "elasticloadbalancing";
	}

	@Override
	public Protocol protocol() {
		return Protocol.QUERY;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public List<FrontDoor> frontDoors() {
		return List.of(new AlbFrontDoor(this, this.context));
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		Map<String, String> form = request.form();
		String action = request.action();
		if (action == null) {
			throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
		}
		Xml.Writer xml = Xml.queryResponse(action, NAMESPACE, request.requestId());
		switch (action) {
			case "CreateLoadBalancer" -> writeLoadBalancers(xml, List.of(createLoadBalancer(form)));
			case "DescribeLoadBalancers" -> writeLoadBalancers(xml, describeLoadBalancers(form));
			case "DeleteLoadBalancer" -> deleteLoadBalancer(QueryParameters.required(form, "LoadBalancerArn"));
			case "SetSubnets" -> {
				LoadBalancer balancer = loadBalancer(QueryParameters.required(form, "LoadBalancerArn"));
				balancer.subnets = subnets(form);
				writeZones(xml, balancer);
			}
			case "SetSecurityGroups" -> {
				LoadBalancer balancer = loadBalancer(QueryParameters.required(form, "LoadBalancerArn"));
				balancer.securityGroups = QueryParameters.list(form, "SecurityGroups.member");
				xml.start("SecurityGroupIds");
				balancer.securityGroups.forEach(group -> xml.element("member", group));
				xml.end();
			}
			case "CreateTargetGroup" -> writeTargetGroups(xml, List.of(createTargetGroup(form)));
			case "DescribeTargetGroups" -> writeTargetGroups(xml, describeTargetGroups(form));
			case "DeleteTargetGroup" -> deleteTargetGroup(QueryParameters.required(form, "TargetGroupArn"));
			case "ModifyTargetGroupAttributes" -> {
				TargetGroup group = targetGroup(QueryParameters.required(form, "TargetGroupArn"));
				for (Map<String, String> attribute : QueryParameters.structures(form, "Attributes.member")) {
					String key = attribute.get("Key");
					if (!group.attributes.containsKey(key)) {
						throw validation("The attribute '" + key + "' is not supported for target groups of type "
								+ group.targetType);
					}
					group.attributes.put(key, attribute.getOrDefault("Value", ""));
				}
				writeAttributes(xml, group);
			}
			case "DescribeTargetGroupAttributes" ->
				writeAttributes(xml, targetGroup(QueryParameters.required(form, "TargetGroupArn")));
			case "RegisterTargets" -> registerTargets(form);
			case "DeregisterTargets" -> {
				TargetGroup group = targetGroup(QueryParameters.required(form, "TargetGroupArn"));
				for (Map<String, String> target : QueryParameters.structures(form, "Targets.member")) {
					group.targets.remove(target.get("Id"));
				}
			}
			case "DescribeTargetHealth" -> {
				TargetGroup group = targetGroup(QueryParameters.required(form, "TargetGroupArn"));
				xml.start("TargetHealthDescriptions");
				for (String target : group.targets) {
					xml.start("member").start("Target").element("Id", target).end()
						.start("TargetHealth").element("State", "unavailable")
						.element("Reason", "Target.HealthCheckDisabled")
						.element("Description", "Health checks are disabled").end().end();
				}
				xml.end();
			}
			case "CreateListener" -> writeListeners(xml, List.of(createListener(form)));
			case "DescribeListeners" -> writeListeners(xml, describeListeners(form));
			case "ModifyListener" -> writeListeners(xml, List.of(modifyListener(form)));
			case "DeleteListener" -> deleteListener(listener(QueryParameters.required(form, "ListenerArn")).arn);
			case "CreateRule" -> writeRules(xml, List.of(createRule(form)));
			case "DescribeRules" -> describeRules(xml, form);
			case "ModifyRule" -> {
				Rule rule = rule(QueryParameters.required(form, "RuleArn"));
				if (!QueryParameters.structures(form, "Conditions.member").isEmpty()) {
					rule.conditions = conditions(form);
				}
				if (!QueryParameters.structures(form, "Actions.member").isEmpty()) {
					rule.actions = actions(form, "Actions.member");
				}
				writeRules(xml, List.of(rule));
			}
			case "SetRulePriorities" -> {
				List<Rule> changed = new ArrayList<>();
				for (Map<String, String> item : QueryParameters.structures(form, "RulePriorities.member")) {
					Rule rule = rule(item.get("RuleArn"));
					int priority = priority(item.get("Priority"));
					checkPriorityFree(rule.listenerArn, priority, rule.arn);
					rule.priority = priority;
					changed.add(rule);
				}
				writeRules(xml, changed);
			}
			case "DeleteRule" -> this.model.rules.remove(rule(QueryParameters.required(form, "RuleArn")).arn);
			case "AddTags" -> {
				Map<String, String> tags = QueryParameters.keyValues(form, "Tags.member", "Key", "Value");
				for (String arn : QueryParameters.list(form, "ResourceArns.member")) {
					requireResource(arn);
					this.model.tags.computeIfAbsent(arn, a -> new LinkedHashMap<>()).putAll(tags);
				}
			}
			case "RemoveTags" -> {
				List<String> keys = QueryParameters.list(form, "TagKeys.member");
				for (String arn : QueryParameters.list(form, "ResourceArns.member")) {
					requireResource(arn);
					keys.forEach(this.model.tags.getOrDefault(arn, new LinkedHashMap<>())::remove);
				}
			}
			case "DescribeTags" -> {
				xml.start("TagDescriptions");
				for (String arn : QueryParameters.list(form, "ResourceArns.member")) {
					requireResource(arn);
					xml.start("member").element("ResourceArn", arn).start("Tags");
					this.model.tags.getOrDefault(arn, Map.of())
						.forEach((key, value) -> xml.start("member").element("Key", key).element("Value", value).end());
					xml.end().end();
				}
				xml.end();
			}
			default -> throw AwsException.badRequest("InvalidAction", "The action " + action + " is not valid for this web service.");
		}
		return AwsResponse.xml(200, xml.toString());
	}

	// --- load balancers ---

	private LoadBalancer createLoadBalancer(Map<String, String> form) {
		String name = QueryParameters.required(form, "Name");
		if (!name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?") || name.startsWith("internal-")) {
			throw validation("Load balancer name '" + name + "' is not valid: at most 32 letters, digits and hyphens, "
					+ "not beginning or ending with a hyphen, not beginning with 'internal-'");
		}
		String type = form.getOrDefault("Type", "application");
		if (!"application".equals(type)) {
			throw validation("Load balancer type '" + type + "' is not served locally: only 'application'");
		}
		for (LoadBalancer existing : this.model.loadBalancers.values()) {
			if (existing.name.equals(name)) {
				return existing; // CreateLoadBalancer is idempotent by name
			}
		}
		List<String> subnets = subnets(form);
		LoadBalancer balancer = new LoadBalancer();
		balancer.name = name;
		String id = id();
		balancer.arn = this.context.arn("elasticloadbalancing", "loadbalancer/app/" + name + "/" + id);
		balancer.dnsName = name + "-" + Long.parseLong(id.substring(0, 8), 16) + "." + this.context.region()
				+ ".elb.localhost";
		balancer.scheme = form.getOrDefault("Scheme", "internet-facing");
		balancer.created = Instant.now(this.context.clock()).toString();
		balancer.subnets = subnets;
		balancer.securityGroups = QueryParameters.list(form, "SecurityGroups.member");
		this.model.loadBalancers.put(balancer.arn, balancer);
		tag(balancer.arn, form);
		return balancer;
	}

	private List<String> subnets(Map<String, String> form) {
		List<String> subnets = QueryParameters.list(form, "Subnets.member");
		if (subnets.size() < 2) {
			throw validation("At least two subnets in two different Availability Zones must be specified");
		}
		return subnets;
	}

	private List<LoadBalancer> describeLoadBalancers(Map<String, String> form) {
		List<String> arns = QueryParameters.list(form, "LoadBalancerArns.member");
		List<String> names = QueryParameters.list(form, "Names.member");
		if (arns.isEmpty() && names.isEmpty()) {
			return List.copyOf(this.model.loadBalancers.values());
		}
		List<LoadBalancer> found = new ArrayList<>();
		for (String arn : arns) {
			found.add(loadBalancer(arn));
		}
		for (String name : names) {
			found.add(this.model.loadBalancers.values().stream().filter(b -> b.name.equals(name)).findFirst()
				.orElseThrow(() -> new AwsException(400, "LoadBalancerNotFound",
						"Load balancers '[" + name + "]' not found")));
		}
		return found;
	}

	private void deleteLoadBalancer(String arn) {
		if (this.model.loadBalancers.remove(arn) == null) {
			return; // deleting a missing load balancer succeeds, as in AWS
		}
		this.model.listeners.values().stream().filter(l -> l.loadBalancerArn.equals(arn)).map(l -> l.arn).toList()
			.forEach(this::deleteListener);
		this.model.tags.remove(arn);
	}

	LoadBalancer loadBalancer(String arn) {
		LoadBalancer balancer = this.model.loadBalancers.get(arn);
		if (balancer == null) {
			throw new AwsException(400, "LoadBalancerNotFound", "One or more load balancers not found");
		}
		return balancer;
	}

	// --- target groups ---

	private TargetGroup createTargetGroup(Map<String, String> form) {
		String name = QueryParameters.required(form, "Name");
		if (!name.matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?")) {
			throw validation("Target group name '" + name + "' is not valid: at most 32 letters, digits and hyphens, "
					+ "not beginning or ending with a hyphen");
		}
		String type = form.getOrDefault("TargetType", "instance");
		if (!"lambda".equals(type)) {
			throw validation("Target type '" + type + "' is not served locally: only 'lambda'");
		}
		for (String parameter : List.of("Protocol", "Port", "VpcId")) {
			if (form.containsKey(parameter)) {
				throw validation(parameter + " cannot be specified for target groups with target type 'lambda'");
			}
		}
		for (TargetGroup existing : this.model.targetGroups.values()) {
			if (existing.name.equals(name)) {
				if (!existing.targetType.equals(type)) {
					throw new AwsException(400, "DuplicateTargetGroupName", "A target group with the same name '" + name
							+ "' exists, but with different settings");
				}
				return existing;
			}
		}
		TargetGroup group = new TargetGroup();
		group.name = name;
		group.targetType = type;
		group.arn = this.context.arn("elasticloadbalancing", "targetgroup/" + name + "/" + id());
		group.attributes.put(MULTI_VALUE_HEADERS, "false");
		this.model.targetGroups.put(group.arn, group);
		tag(group.arn, form);
		return group;
	}

	private List<TargetGroup> describeTargetGroups(Map<String, String> form) {
		List<String> arns = QueryParameters.list(form, "TargetGroupArns.member");
		List<String> names = QueryParameters.list(form, "Names.member");
		String loadBalancerArn = form.get("LoadBalancerArn");
		List<TargetGroup> found = new ArrayList<>();
		for (String arn : arns) {
			found.add(targetGroup(arn));
		}
		for (String name : names) {
			found.add(this.model.targetGroups.values().stream().filter(g -> g.name.equals(name)).findFirst()
				.orElseThrow(() -> new AwsException(400, "TargetGroupNotFound",
						"Target groups '[" + name + "]' not found")));
		}
		if (loadBalancerArn != null) {
			loadBalancer(loadBalancerArn);
			this.model.targetGroups.values().stream().filter(g -> loadBalancersOf(g).contains(loadBalancerArn))
				.forEach(found::add);
		}
		return (arns.isEmpty() && names.isEmpty() && loadBalancerArn == null)
				? List.copyOf(this.model.targetGroups.values()) : found;
	}

	private void deleteTargetGroup(String arn) {
		TargetGroup group = this.model.targetGroups.get(arn);
		if (group == null) {
			return;
		}
		if (!loadBalancersOf(group).isEmpty()) {
			throw new AwsException(400, "ResourceInUse",
					"Target group '" + arn + "' is currently in use by a listener or a rule");
		}
		this.model.targetGroups.remove(arn);
		this.model.tags.remove(arn);
	}

	TargetGroup targetGroup(String arn) {
		TargetGroup group = this.model.targetGroups.get(arn);
		if (group == null) {
			throw new AwsException(400, "TargetGroupNotFound", "One or more target groups not found");
		}
		return group;
	}

	private void registerTargets(Map<String, String> form) {
		TargetGroup group = targetGroup(QueryParameters.required(form, "TargetGroupArn"));
		List<Map<String, String>> targets = QueryParameters.structures(form, "Targets.member");
		if (targets.isEmpty()) {
			throw validation("1 validation error detected: Value null at 'targets' failed to satisfy constraint: "
					+ "Member must not be null");
		}
		for (Map<String, String> target : targets) {
			String id = target.get("Id");
			if (group.targets.contains(id)) {
				continue;
			}
			if (!group.targets.isEmpty()) {
				throw new AwsException(400, "TooManyTargets",
						"You cannot register more than one target in a target group with target type 'lambda'");
			}
			// ELB refuses a function whose resource policy does not let it invoke, as AWS does.
			if (!this.context.service(LambdaService.class).allowsInvocationBy(id, PRINCIPAL)) {
				throw new AwsException(403, "AccessDenied", "elasticloadbalancing principal does not have permission "
						+ "to invoke " + id + " from target group " + group.arn);
			}
			group.targets.add(id);
		}
	}

	/** The load balancers whose listeners forward to {@code group} (by default action or rule). */
	List<String> loadBalancersOf(TargetGroup group) {
		List<String> arns = new ArrayList<>();
		for (Listener listener : this.model.listeners.values()) {
			boolean forwards = listener.defaultActions.stream().anyMatch(a -> group.arn.equals(a.targetGroupArn))
					|| this.model.rules.values().stream().anyMatch(r -> r.listenerArn.equals(listener.arn)
							&& r.actions.stream().anyMatch(a -> group.arn.equals(a.targetGroupArn)));
			if (forwards && !arns.contains(listener.loadBalancerArn)) {
				arns.add(listener.loadBalancerArn);
			}
		}
		return arns;
	}

	// --- listeners ---

	private Listener createListener(Map<String, String> form) {
		LoadBalancer balancer = loadBalancer(QueryParameters.required(form, "LoadBalancerArn"));
		int port = Integer.parseInt(QueryParameters.required(form, "Port"));
		String protocol = form.getOrDefault("Protocol", "HTTP");
		List<String> certificates = certificates(form, protocol);
		List<RuleAction> actions = actions(form, "DefaultActions.member");
		for (Listener existing : this.model.listeners.values()) {
			if (existing.loadBalancerArn.equals(balancer.arn) && existing.port == port) {
				throw new AwsException(400, "DuplicateListener", "A listener already exists on this port for this load balancer '"
						+ balancer.arn + "'");
			}
		}
		Listener listener = new Listener();
		listener.arn = balancer.arn.replace(":loadbalancer/", ":listener/") + "/" + id();
		listener.loadBalancerArn = balancer.arn;
		listener.port = port;
		listener.protocol = protocol;
		listener.certificates = certificates;
		listener.defaultActions = actions;
		this.model.listeners.put(listener.arn, listener);
		tag(listener.arn, form);
		return listener;
	}

	private Listener modifyListener(Map<String, String> form) {
		Listener listener = listener(QueryParameters.required(form, "ListenerArn"));
		String protocol = form.getOrDefault("Protocol", listener.protocol);
		if (form.containsKey("Port")) {
			int port = Integer.parseInt(form.get("Port"));
			boolean taken = this.model.listeners.values().stream().anyMatch(l -> l != listener
					&& l.loadBalancerArn.equals(listener.loadBalancerArn) && l.port == port);
			if (taken) {
				throw new AwsException(400, "DuplicateListener", "A listener already exists on this port for this load balancer");
			}
			listener.port = port;
		}
		List<String> certificates = QueryParameters.structures(form, "Certificates.member").isEmpty()
				? listener.certificates : certificates(form, protocol);
		if ("HTTPS".equals(protocol) && certificates.isEmpty()) {
			throw validation("A certificate must be specified for HTTPS listeners");
		}
		listener.protocol = protocol;
		listener.certificates = "HTTPS".equals(protocol) ? certificates : new ArrayList<>();
		if (!QueryParameters.structures(form, "DefaultActions.member").isEmpty()) {
			listener.defaultActions = actions(form, "DefaultActions.member");
		}
		return listener;
	}

	private static List<String> certificates(Map<String, String> form, String protocol) {
		if (!"HTTP".equals(protocol) && !"HTTPS".equals(protocol)) {
			throw validation("Protocol '" + protocol + "' is not valid for an application load balancer: HTTP or HTTPS");
		}
		List<String> certificates = new ArrayList<>();
		QueryParameters.structures(form, "Certificates.member").forEach(c -> certificates.add(c.get("CertificateArn")));
		if ("HTTPS".equals(protocol) && certificates.isEmpty()) {
			throw validation("A certificate must be specified for HTTPS listeners");
		}
		return certificates;
	}

	private List<Listener> describeListeners(Map<String, String> form) {
		List<String> arns = QueryParameters.list(form, "ListenerArns.member");
		String loadBalancerArn = form.get("LoadBalancerArn");
		if (loadBalancerArn != null) {
			loadBalancer(loadBalancerArn);
			return this.model.listeners.values().stream().filter(l -> l.loadBalancerArn.equals(loadBalancerArn)).toList();
		}
		if (arns.isEmpty()) {
			throw validation("You must specify either listener ARNs or a load balancer ARN");
		}
		return arns.stream().map(this::listener).toList();
	}

	private void deleteListener(String arn) {
		this.model.listeners.remove(arn);
		this.model.rules.values().removeIf(r -> r.listenerArn.equals(arn));
		this.model.tags.remove(arn);
	}

	Listener listener(String arn) {
		Listener listener = this.model.listeners.get(arn);
		if (listener == null) {
			throw new AwsException(400, "ListenerNotFound", "One or more listeners not found");
		}
		return listener;
	}

	// --- rules ---

	private Rule createRule(Map<String, String> form) {
		Listener listener = listener(QueryParameters.required(form, "ListenerArn"));
		int priority = priority(QueryParameters.required(form, "Priority"));
		checkPriorityFree(listener.arn, priority, null);
		Rule rule = new Rule();
		rule.arn = listener.arn.replace(":listener/", ":listener-rule/") + "/" + id();
		rule.listenerArn = listener.arn;
		rule.priority = priority;
		rule.conditions = conditions(form);
		rule.actions = actions(form, "Actions.member");
		this.model.rules.put(rule.arn, rule);
		tag(rule.arn, form);
		return rule;
	}

	private static int priority(String text) {
		int priority;
		try {
			priority = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw validation("Priority '" + text + "' is not a number");
		}
		if (priority < 1 || priority > 50000) {
			throw validation("Priority '" + priority + "' must be between 1 and 50000");
		}
		return priority;
	}

	private void checkPriorityFree(String listenerArn, int priority, String except) {
		boolean taken = this.model.rules.values().stream().anyMatch(r -> r.listenerArn.equals(listenerArn)
				&& r.priority == priority && !r.arn.equals(except));
		if (taken) {
			throw new AwsException(400, "PriorityInUse", "Priority '" + priority + "' is currently in use");
		}
	}

	private static List<RuleCondition> conditions(Map<String, String> form) {
		List<RuleCondition> conditions = new ArrayList<>();
		for (Map<String, String> item : QueryParameters.structures(form, "Conditions.member")) {
			RuleCondition condition = new RuleCondition();
			condition.field = item.get("Field");
			condition.values.addAll(QueryParameters.list(item, "Values.member"));
			for (String config : List.of("PathPatternConfig", "HostHeaderConfig", "HttpRequestMethodConfig")) {
				condition.values.addAll(QueryParameters.list(item, config + ".Values.member"));
			}
			if (condition.field == null || condition.values.isEmpty()) {
				throw validation("A rule condition needs a field and at least one value");
			}
			if (!List.of("path-pattern", "host-header", "http-request-method").contains(condition.field)) {
				throw validation("Condition field '" + condition.field + "' is not served locally: path-pattern, "
						+ "host-header or http-request-method");
			}
			conditions.add(condition);
		}
		if (conditions.isEmpty()) {
			throw validation("A rule needs at least one condition");
		}
		return conditions;
	}

	private List<RuleAction> actions(Map<String, String> form, String prefix) {
		List<RuleAction> actions = new ArrayList<>();
		for (Map<String, String> item : QueryParameters.structures(form, prefix)) {
			RuleAction action = new RuleAction();
			action.type = item.get("Type");
			switch (String.valueOf(action.type)) {
				case "forward" -> {
					action.targetGroupArn = item.getOrDefault("TargetGroupArn",
							item.get("ForwardConfig.TargetGroups.member.1.TargetGroupArn"));
					targetGroup(action.targetGroupArn);
				}
				case "fixed-response" -> {
					action.statusCode = item.get("FixedResponseConfig.StatusCode");
					action.contentType = item.get("FixedResponseConfig.ContentType");
					action.messageBody = item.get("FixedResponseConfig.MessageBody");
					if (action.statusCode == null || !action.statusCode.matches("[245]\\d\\d")) {
						throw validation("A fixed response needs a 2XX, 4XX or 5XX status code");
					}
				}
				default -> throw validation("Action type '" + action.type + "' is not served locally: forward or fixed-response");
			}
			actions.add(action);
		}
		if (actions.isEmpty()) {
			throw validation("At least one action must be specified");
		}
		return actions;
	}

	private void describeRules(Xml.Writer xml, Map<String, String> form) {
		String listenerArn = form.get("ListenerArn");
		List<String> arns = QueryParameters.list(form, "RuleArns.member");
		xml.start("Rules");
		if (listenerArn != null) {
			Listener listener = listener(listenerArn);
			rulesOf(listener.arn).forEach(rule -> writeRule(xml, rule));
			xml.start("member").element("RuleArn", listener.arn.replace(":listener/", ":listener-rule/") + "/default")
				.element("Priority", "default").element("IsDefault", true).start("Conditions").end();
			writeActions(xml, "Actions", listener.defaultActions);
			xml.end();
		}
		else {
			arns.stream().map(this::rule).forEach(rule -> writeRule(xml, rule));
		}
		xml.end();
	}

	/** A listener's rules, highest precedence (lowest priority number) first. */
	List<Rule> rulesOf(String listenerArn) {
		return this.model.rules.values().stream().filter(r -> r.listenerArn.equals(listenerArn))
			.sorted(java.util.Comparator.comparingInt(r -> r.priority)).toList();
	}

	private Rule rule(String arn) {
		Rule rule = (arn != null) ? this.model.rules.get(arn) : null;
		if (rule == null) {
			throw new AwsException(400, "RuleNotFound", "One or more rules not found");
		}
		return rule;
	}

	// --- for the front door ---

	/** The load balancer named {@code name} or whose DNS name is {@code name}, or {@code null}. */
	synchronized LoadBalancer loadBalancerNamed(String name) {
		return this.model.loadBalancers.values().stream()
			.filter(b -> b.name.equalsIgnoreCase(name) || b.dnsName.equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	/** The listener on {@code port} of the load balancer ({@code port} 0: its lowest), or {@code null}. */
	synchronized Listener listenerOn(LoadBalancer balancer, int port) {
		return this.model.listeners.values().stream().filter(l -> l.loadBalancerArn.equals(balancer.arn))
			.filter(l -> port == 0 || l.port == port)
			.min(java.util.Comparator.comparingInt(l -> l.port)).orElse(null);
	}

	synchronized List<Rule> rules(Listener listener) {
		return rulesOf(listener.arn);
	}

	synchronized TargetGroup targetGroupOrNull(String arn) {
		return this.model.targetGroups.get(arn);
	}

	// --- shared ---

	private void tag(String arn, Map<String, String> form) {
		Map<String, String> tags = QueryParameters.keyValues(form, "Tags.member", "Key", "Value");
		if (!tags.isEmpty()) {
			this.model.tags.computeIfAbsent(arn, a -> new LinkedHashMap<>()).putAll(tags);
		}
	}

	private void requireResource(String arn) {
		boolean known = this.model.loadBalancers.containsKey(arn) || this.model.targetGroups.containsKey(arn)
				|| this.model.listeners.containsKey(arn) || this.model.rules.containsKey(arn);
		if (!known) {
			String code = arn.contains(":targetgroup/") ? "TargetGroupNotFound"
					: arn.contains(":listener-rule/") ? "RuleNotFound"
							: arn.contains(":listener/") ? "ListenerNotFound" : "LoadBalancerNotFound";
			throw new AwsException(400, code, "Resource not found: " + arn);
		}
	}

	private static String id() {
		byte[] bytes = new byte[8];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static AwsException validation(String message) {
		return AwsException.badRequest("ValidationError", message);
	}

	// --- XML ---

	private void writeLoadBalancers(Xml.Writer xml, List<LoadBalancer> balancers) {
		xml.start("LoadBalancers");
		for (LoadBalancer balancer : balancers) {
			xml.start("member").element("LoadBalancerArn", balancer.arn).element("DNSName", balancer.dnsName)
				.element("CanonicalHostedZoneId", "Z35SXDOTRQ7X7K").element("CreatedTime", balancer.created)
				.element("LoadBalancerName", balancer.name).element("Scheme", balancer.scheme)
				.element("VpcId", "vpc-local").start("State").element("Code", "active").end()
				.element("Type", "application").element("IpAddressType", "ipv4");
			writeZones(xml, balancer);
			xml.start("SecurityGroups");
			balancer.securityGroups.forEach(group -> xml.element("member", group));
			xml.end().end();
		}
		xml.end();
	}

	private void writeZones(Xml.Writer xml, LoadBalancer balancer) {
		xml.start("AvailabilityZones");
		for (int i = 0; i < balancer.subnets.size(); i++) {
			xml.start("member").element("ZoneName", this.context.region() + (char) ('a' + i % 26))
				.element("SubnetId", balancer.subnets.get(i)).end();
		}
		xml.end();
	}

	private void writeTargetGroups(Xml.Writer xml, List<TargetGroup> groups) {
		xml.start("TargetGroups");
		for (TargetGroup group : groups) {
			xml.start("member").element("TargetGroupArn", group.arn).element("TargetGroupName", group.name)
				.element("TargetType", group.targetType).element("HealthCheckEnabled", false)
				.element("HealthCheckPath", "/").element("HealthCheckIntervalSeconds", 35)
				.element("HealthCheckTimeoutSeconds", 30).element("HealthyThresholdCount", 5)
				.element("UnhealthyThresholdCount", 2).start("Matcher").element("HttpCode", "200").end()
				.start("LoadBalancerArns");
			loadBalancersOf(group).forEach(arn -> xml.element("member", arn));
			xml.end().end();
		}
		xml.end();
	}

	private static void writeAttributes(Xml.Writer xml, TargetGroup group) {
		xml.start("Attributes");
		group.attributes.forEach((key, value) -> xml.start("member").element("Key", key).element("Value", value).end());
		xml.end();
	}

	private static void writeListeners(Xml.Writer xml, List<Listener> listeners) {
		xml.start("Listeners");
		for (Listener listener : listeners) {
			xml.start("member").element("ListenerArn", listener.arn).element("LoadBalancerArn", listener.loadBalancerArn)
				.element("Port", listener.port).element("Protocol", listener.protocol);
			if (!listener.certificates.isEmpty()) {
				xml.start("Certificates");
				listener.certificates.forEach(c -> xml.start("member").element("CertificateArn", c).end());
				xml.end();
				xml.element("SslPolicy", "ELBSecurityPolicy-2016-08");
			}
			writeActions(xml, "DefaultActions", listener.defaultActions);
			xml.end();
		}
		xml.end();
	}

	private static void writeRules(Xml.Writer xml, List<Rule> rules) {
		xml.start("Rules");
		rules.forEach(rule -> writeRule(xml, rule));
		xml.end();
	}

	private static void writeRule(Xml.Writer xml, Rule rule) {
		xml.start("member").element("RuleArn", rule.arn).element("Priority", Integer.toString(rule.priority))
			.element("IsDefault", false).start("Conditions");
		for (RuleCondition condition : rule.conditions) {
			xml.start("member").element("Field", condition.field).start("Values");
			condition.values.forEach(value -> xml.element("member", value));
			xml.end();
			String config = switch (condition.field) {
				case "path-pattern" -> "PathPatternConfig";
				case "host-header" -> "HostHeaderConfig";
				default -> "HttpRequestMethodConfig";
			};
			xml.start(config).start("Values");
			condition.values.forEach(value -> xml.element("member", value));
			xml.end().end().end();
		}
		xml.end();
		writeActions(xml, "Actions", rule.actions);
		xml.end();
	}

	private static void writeActions(Xml.Writer xml, String element, List<RuleAction> actions) {
		xml.start(element);
		int order = 1;
		for (RuleAction action : actions) {
			xml.start("member").element("Type", action.type).element("Order", order++);
			if (action.targetGroupArn != null) {
				xml.element("TargetGroupArn", action.targetGroupArn).start("ForwardConfig").start("TargetGroups")
					.start("member").element("TargetGroupArn", action.targetGroupArn).element("Weight", 1).end().end()
					.end();
			}
			if (action.statusCode != null) {
				xml.start("FixedResponseConfig").element("StatusCode", action.statusCode)
					.element("ContentType", action.contentType).element("MessageBody", action.messageBody).end();
			}
			xml.end();
		}
		xml.end();
	}

	// --- state ---

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(this.model);
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.model = Json.mapper().treeToValue(state, LoadBalancerModel.class);
	}

}
