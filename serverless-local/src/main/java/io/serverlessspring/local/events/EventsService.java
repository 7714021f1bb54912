package io.serverlessspring.local.events;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.LambdaService;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;

/**
 * EventBridge (awsJson1.1, {@code AWSEvents}) on the default bus: rules with a schedule or an event
 * pattern, their targets, PutEvents. Scheduled rules fire on time and send each target the
 * {@code Scheduled Event} (or its {@code Input} / {@code InputPath} / {@code InputTransformer});
 * PutEvents delivers matching events the same way. Lambda targets need a resource-policy statement
 * for {@code events.amazonaws.com}, as in AWS.
 */
public final class EventsService implements AwsService, Persistent {

	private static final System.Logger log = System.getLogger(EventsService.class.getName());

	/** A rule: its description as returned, its targets by id, its tags. */
	public static final class Rule {

		public ObjectNode rule;

		public Map<String, ObjectNode> targets = new LinkedHashMap<>();

		public Map<String, String> tags = new LinkedHashMap<>();

		public long created = System.currentTimeMillis();

	}

	private final Map<String, Rule> rules = new TreeMap<>();

	private LocalContext context;

	private ScheduleTimers timers;

	@Override
	public String signingName() {
		return "events";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("AWSEvents");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.timers = new ScheduleTimers(context.timers());
		this.rules.values().forEach(this::arm);
	}

	@Override
	public void close() {
		if (this.timers != null) {
			this.timers.cancelAll();
		}
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		ObjectNode in = request.json();
		ObjectNode out = Json.object();
		String operation = request.targetOperation();
		switch (operation) {
			case "PutRule" -> out.put("RuleArn", putRule(in));
			case "DescribeRule" -> {
				Rule rule = rule(in);
				out.setAll(rule.rule);
				out.put("CreatedBy", this.context.accountId());
			}
			case "ListRules" -> {
				String prefix = Json.string(in, "NamePrefix");
				ArrayNode list = out.putArray("Rules");
				this.rules.values().stream().filter((r) -> prefix == null || r.rule.path("Name").asString().startsWith(prefix))
					.forEach((r) -> list.add(r.rule));
			}
			case "DeleteRule" -> {
				Rule rule = rule(in);
				if (!rule.targets.isEmpty()) {
					throw AwsException.validation("Rule can't be deleted since it has targets.");
				}
				this.timers.cancel(rule.rule.path("Name").asString());
				this.rules.remove(rule.rule.path("Name").asString());
			}
			case "EnableRule", "DisableRule" -> {
				Rule rule = rule(in);
				rule.rule.put("State", operation.equals("EnableRule") ? "ENABLED" : "DISABLED");
				arm(rule);
			}
			case "PutTargets" -> {
				Rule rule = rule(in);
				JsonNode targets = in.path("Targets");
				if (!targets.isArray() || targets.isEmpty()) {
					throw AwsException.validation("1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null");
				}
				for (JsonNode target : targets) {
					String id = Json.required(target, "Id");
					String arn = Json.required(target, "Arn");
					if (!this.context.canDeliverTo(arn)) {
						throw AwsException.validation("The local cloud cannot deliver to " + arn);
					}
					rule.targets.put(id, (ObjectNode) target.deepCopy());
				}
				out.put("FailedEntryCount", 0);
				out.putArray("FailedEntries");
			}
			case "RemoveTargets" -> {
				Rule rule = rule(in);
				Json.stringList(in, "Ids").forEach(rule.targets::remove);
				out.put("FailedEntryCount", 0);
				out.putArray("FailedEntries");
			}
			case "ListTargetsByRule" -> {
				ArrayNode list = out.putArray("Targets");
				rule(in).targets.values().forEach(list::add);
			}
			case "ListRuleNamesByTarget" -> {
				String arn = Json.required(in, "TargetArn");
				ArrayNode list = out.putArray("RuleNames");
				this.rules.values().stream()
					.filter((r) -> r.targets.values().stream().anyMatch((t) -> t.path("Arn").asString().equals(arn)))
					.forEach((r) -> list.add(r.rule.path("Name").asString()));
			}
			case "PutEvents" -> putEvents(in, out);
			case "TagResource" -> ruleByArn(Json.required(in, "ResourceARN")).tags.putAll(tags(in.path("Tags")));
			case "UntagResource" -> Json.stringList(in, "TagKeys").forEach(ruleByArn(Json.required(in, "ResourceARN")).tags::remove);
			case "ListTagsForResource" -> {
				ArrayNode list = out.putArray("Tags");
				ruleByArn(Json.required(in, "ResourceARN")).tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
			}
			case "DescribeEventBus" -> {
				out.put("Name", "default");
				out.put("Arn", this.context.arn("events", "event-bus/default"));
			}
			case "ListEventBuses" -> out.putArray("EventBuses").addObject().put("Name", "default")
				.put("Arn", this.context.arn("events", "event-bus/default"));
			default -> throw AwsException.badRequest("UnknownOperationException", "Unknown operation " + operation);
		}
		return AwsResponse.amzJson(out);
	}

	private String putRule(ObjectNode in) {
		String name = Json.required(in, "Name");
		if (!name.matches("[\\.\\-_A-Za-z0-9]{1,64}")) {
			throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
		}
		String bus = in.path("EventBusName").asString("default");
		if (!bus.equals("default") && !bus.endsWith("event-bus/default")) {
			throw AwsException.badRequest("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
		}
		String schedule = Json.string(in, "ScheduleExpression");
		String pattern = Json.string(in, "EventPattern");
		if (schedule == null && pattern == null) {
			throw AwsException.validation("Parameter(s) ScheduleExpression or EventPattern must be specified.");
		}
		if (schedule != null) {
			try {
				ScheduleRecurrence.parse(schedule, false);
			}
			catch (IllegalArgumentException ex) {
				throw AwsException.validation("Parameter ScheduleExpression is not valid. " + ex.getMessage());
			}
		}
		if (pattern != null) {
			try {
				EventPattern.parse(pattern);
			}
			catch (IllegalArgumentException ex) {
				throw AwsException.badRequest("InvalidEventPatternException", "Event pattern is not valid. Reason: " + ex.getMessage());
			}
		}
		Rule rule = this.rules.computeIfAbsent(name, (n) -> new Rule());
		ObjectNode node = Json.object();
		node.put("Name", name);
		node.put("Arn", this.context.arn("events", "rule/" + name));
		if (pattern != null) {
			node.put("EventPattern", pattern);
		}
		if (schedule != null) {
			node.put("ScheduleExpression", schedule);
		}
		node.put("State", in.path("State").asString("ENABLED"));
		if (in.has("Description")) {
			node.put("Description", Json.string(in, "Description"));
		}
		if (in.has("RoleArn")) {
			node.put("RoleArn", Json.string(in, "RoleArn"));
		}
		node.put("EventBusName", "default");
		rule.rule = node;
		rule.tags.putAll(tags(in.path("Tags")));
		arm(rule);
		return node.path("Arn").asString();
	}

	private void arm(Rule rule) {
		String name = rule.rule.path("Name").asString();
		String schedule = rule.rule.path("ScheduleExpression").asString(null);
		if (schedule == null || !"ENABLED".equals(rule.rule.path("State").asString())) {
			this.timers.cancel(name);
			return;
		}
		this.timers.arm(name, ScheduleRecurrence.parse(schedule, false), ZoneOffset.UTC, Instant.ofEpochMilli(rule.created),
				null, (time) -> fire(name, time));
	}

	/** A scheduled rule's firing: the Scheduled Event to every target. */
	private void fire(String name, Instant time) {
		Rule rule;
		List<ObjectNode> targets;
		synchronized (this) {
			rule = this.rules.get(name);
			if (rule == null) {
				return;
			}
			targets = List.copyOf(rule.targets.values());
		}
		ObjectNode event = Json.object();
		event.put("version", "0");
		event.put("id", UUID.randomUUID().toString());
		event.put("detail-type", "Scheduled Event");
		event.put("source", "aws.events");
		event.put("account", this.context.accountId());
		event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
		event.put("region", this.context.region());
		event.putArray("resources").add(rule.rule.path("Arn").asString());
		event.putObject("detail");
		targets.forEach((target) -> deliver(rule, target, event));
	}

	private void putEvents(ObjectNode in, ObjectNode out) {
		ArrayNode results = out.putArray("Entries");
		int failed = 0;
		for (JsonNode entry : in.path("Entries")) {
			String source = Json.string(entry, "Source");
			String detailType = Json.string(entry, "DetailType");
			String detail = Json.string(entry, "Detail");
			if (source == null || detailType == null || detail == null) {
				failed++;
				results.addObject().put("ErrorCode", "InvalidArgument")
					.put("ErrorMessage", "Parameters Source, DetailType and Detail are required.");
				continue;
			}
			ObjectNode event = Json.object();
			String id = UUID.randomUUID().toString();
			event.put("version", "0");
			event.put("id", id);
			event.put("detail-type", detailType);
			event.put("source", source);
			event.put("account", this.context.accountId());
			event.put("time", entry.has("Time") ? Instant.ofEpochMilli((long) (entry.path("Time").asDouble() * 1000)).truncatedTo(ChronoUnit.SECONDS).toString()
					: Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
			event.put("region", this.context.region());
			event.set("resources", entry.has("Resources") ? entry.get("Resources") : Json.array());
			try {
				event.set("detail", Json.parse(detail));
			}
			catch (RuntimeException ex) {
				failed++;
				results.addObject().put("ErrorCode", "MalformedDetail").put("ErrorMessage", "Detail is malformed.");
				continue;
			}
			results.addObject().put("EventId", id);
			for (Rule rule : this.rules.values()) {
				String pattern = rule.rule.path("EventPattern").asString(null);
				if (pattern != null && "ENABLED".equals(rule.rule.path("State").asString())
						&& EventPattern.parse(pattern).matches(event)) {
					List.copyOf(rule.targets.values()).forEach((target) -> this.context.timers()
						.execute(() -> deliver(rule, target, event)));
				}
			}
		}
		out.put("FailedEntryCount", failed);
	}

	private void deliver(Rule rule, ObjectNode target, ObjectNode event) {
		String arn = target.path("Arn").asString();
		try {
			if (arn.startsWith("arn:aws:lambda:")
					&& !this.context.service(LambdaService.class).allowsInvocationBy(arn, "events.amazonaws.com")) {
				log.log(Level.WARNING, "Rule " + rule.rule.path("Name").asString() + " may not invoke " + arn
						+ ": its resource policy has no statement for events.amazonaws.com (lambda add-permission)");
				return;
			}
			this.context.deliver(arn, TargetInput.render(target, event));
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, "Rule " + rule.rule.path("Name").asString() + " could not deliver to " + arn + ": " + ex.getMessage());
		}
	}

	private Rule rule(ObjectNode in) {
		String name = in.has("Rule") ? Json.required(in, "Rule") : Json.required(in, "Name");
		if (name.startsWith("arn:")) {
			name = name.substring(name.lastIndexOf('/') + 1);
		}
		Rule rule = this.rules.get(name);
		if (rule == null) {
			throw AwsException.badRequest("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus default.");
		}
		return rule;
	}

	private Rule ruleByArn(String arn) {
		Rule rule = this.rules.get(arn.substring(arn.lastIndexOf('/') + 1));
		if (rule == null) {
			throw AwsException.badRequest("ResourceNotFoundException", "Rule " + arn + " does not exist.");
		}
		return rule;
	}

	private static Map<String, String> tags(JsonNode tags) {
		Map<String, String> map = new LinkedHashMap<>();
		tags.forEach((t) -> map.put(t.path("Key").asString(), t.path("Value").asString()));
		return map;
	}

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(this.rules);
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.rules.clear();
		state.properties().forEach((e) -> this.rules.put(e.getKey(), Json.mapper().treeToValue(e.getValue(), Rule.class)));
	}

}
