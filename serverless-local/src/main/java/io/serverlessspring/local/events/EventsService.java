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
 * EventBridge (awsJson1.1, {@code AWSEvents}): the default bus and custom ones, rules with a
 * schedule or an event pattern, their targets, PutEvents. Scheduled rules fire on time and send each
 * target the {@code Scheduled Event} (or its {@code Input} / {@code InputPath} /
 * {@code InputTransformer}); PutEvents on a bus delivers each event its enabled rules' patterns match
 * (Event Ruler: {@link EventPattern}) the same way. Lambda targets need a resource-policy statement
 * for {@code events.amazonaws.com}, as in AWS; an event a target cannot take goes to the target's
 * {@code DeadLetterConfig} queue when it has one.
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

	/** Rules by key: the name on the default bus, {@code <bus>/<name>} on others (the ARN's resource after {@code rule/}). */
	private final Map<String, Rule> rules = new TreeMap<>();

	/** Custom event buses by name (the default bus always exists and is not stored). */
	private final Map<String, ObjectNode> buses = new TreeMap<>();

	/** Compiled patterns by their text: PutEvents matches without compiling again. */
	private final Map<String, EventPattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

	private static final String BUSES = "$buses";

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
				String bus = bus(in);
				ArrayNode list = out.putArray("Rules");
				this.rules.values().stream().filter((r) -> prefix == null || r.rule.path("Name").asString().startsWith(prefix))
					.filter((r) -> busOf(r).equals(bus))
					.forEach((r) -> list.add(r.rule));
			}
			case "DeleteRule" -> {
				Rule rule = rule(in);
				if (!rule.targets.isEmpty()) {
					throw AwsException.validation("Rule can't be deleted since it has targets.");
				}
				this.timers.cancel(key(rule));
				this.rules.remove(key(rule));
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
					String deadLetter = target.path("DeadLetterConfig").path("Arn").asString(null);
					if (deadLetter != null && !(deadLetter.startsWith("arn:aws:sqs:") && this.context.canDeliverTo(deadLetter))) {
						throw AwsException.validation("DeadLetterConfig.Arn of target " + id + " must be an SQS queue ARN: " + deadLetter);
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
				String bus = bus(in);
				ArrayNode list = out.putArray("RuleNames");
				this.rules.values().stream()
					.filter((r) -> busOf(r).equals(bus))
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
			case "CreateEventBus" -> out.put("EventBusArn", createBus(in));
			case "DescribeEventBus" -> {
				String bus = in.has("Name") ? bus(in.path("Name").asString()) : "default";
				out.setAll(busNode(bus));
			}
			case "ListEventBuses" -> {
				String prefix = Json.string(in, "NamePrefix");
				ArrayNode list = out.putArray("EventBuses");
				if (prefix == null || "default".startsWith(prefix)) {
					list.add(busNode("default"));
				}
				this.buses.keySet().stream().filter((b) -> prefix == null || b.startsWith(prefix))
					.forEach((b) -> list.add(busNode(b)));
			}
			case "DeleteEventBus" -> {
				String name = Json.required(in, "Name");
				if (name.equals("default")) {
					throw AwsException.validation("Cannot delete event bus default.");
				}
				// As on AWS: deleting a bus that does not exist succeeds; its rules go with it.
				if (this.buses.remove(name) != null) {
					List.copyOf(this.rules.keySet()).stream().filter((k) -> k.startsWith(name + "/")).forEach((k) -> {
						this.timers.cancel(k);
						this.rules.remove(k);
					});
				}
			}
			default -> throw AwsException.badRequest("UnknownOperationException", "Unknown operation " + operation);
		}
		return AwsResponse.amzJson(out);
	}

	private String putRule(ObjectNode in) {
		String name = Json.required(in, "Name");
		if (!name.matches("[\\.\\-_A-Za-z0-9]{1,64}")) {
			throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
		}
		String bus = bus(in);
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
		if (schedule != null && !bus.equals("default")) {
			throw AwsException.validation("ScheduleExpression is supported only on the default event bus.");
		}
		if (pattern != null) {
			try {
				pattern(pattern);
			}
			catch (IllegalArgumentException ex) {
				throw AwsException.badRequest("InvalidEventPatternException", "Event pattern is not valid. Reason: " + ex.getMessage());
			}
		}
		String key = bus.equals("default") ? name : bus + "/" + name;
		Rule rule = this.rules.computeIfAbsent(key, (n) -> new Rule());
		ObjectNode node = Json.object();
		node.put("Name", name);
		node.put("Arn", this.context.arn("events", "rule/" + key));
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
		node.put("EventBusName", bus);
		rule.rule = node;
		rule.tags.putAll(tags(in.path("Tags")));
		arm(rule);
		return node.path("Arn").asString();
	}

	private void arm(Rule rule) {
		String name = key(rule);
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
			String bus;
			try {
				bus = bus(entry);
			}
			catch (AwsException ex) {
				failed++;
				results.addObject().put("ErrorCode", "ResourceNotFoundException").put("ErrorMessage", ex.getMessage());
				continue;
			}
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
				if (pattern != null && busOf(rule).equals(bus) && "ENABLED".equals(rule.rule.path("State").asString())
						&& pattern(pattern).matches(event)) {
					List.copyOf(rule.targets.values()).forEach((target) -> this.context.timers()
						.execute(() -> deliver(rule, target, event)));
				}
			}
		}
		out.put("FailedEntryCount", failed);
	}

	private void deliver(Rule rule, ObjectNode target, ObjectNode event) {
		String arn = target.path("Arn").asString();
		String name = rule.rule.path("Name").asString();
		String failure;
		try {
			if (arn.startsWith("arn:aws:lambda:")
					&& !this.context.service(LambdaService.class).allowsInvocationBy(arn, "events.amazonaws.com")) {
				failure = "Rule " + name + " may not invoke " + arn
						+ ": its resource policy has no statement for events.amazonaws.com (lambda add-permission)";
			}
			else {
				this.context.deliver(arn, TargetInput.render(target, event));
				return;
			}
		}
		catch (RuntimeException ex) {
			failure = "Rule " + name + " could not deliver to " + arn + ": " + ex.getMessage();
		}
		String deadLetter = target.path("DeadLetterConfig").path("Arn").asString(null);
		if (deadLetter == null) {
			log.log(Level.WARNING, failure);
			return;
		}
		try {
			// What EventBridge sends its target DLQ: the event itself.
			this.context.deliver(deadLetter, Json.text(event));
			log.log(Level.WARNING, failure + "; the event went to the dead-letter queue " + deadLetter);
		}
		catch (RuntimeException ex) {
			log.log(Level.WARNING, failure + "; the dead-letter queue " + deadLetter + " did not take it either: " + ex.getMessage());
		}
	}

	private Rule rule(ObjectNode in) {
		String name = in.has("Rule") ? Json.required(in, "Rule") : Json.required(in, "Name");
		String bus = bus(in);
		String key;
		if (name.startsWith("arn:")) {
			key = name.substring(name.indexOf(":rule/") + ":rule/".length());
		}
		else {
			key = bus.equals("default") ? name : bus + "/" + name;
		}
		Rule rule = this.rules.get(key);
		if (rule == null) {
			throw AwsException.badRequest("ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + bus + ".");
		}
		return rule;
	}

	/** The bus a request names ({@code EventBusName}, a name or an ARN; default when absent), which must exist. */
	private String bus(JsonNode in) {
		String bus = Json.string(in, "EventBusName");
		return (bus == null) ? "default" : bus(bus);
	}

	private String bus(String nameOrArn) {
		String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
		if (!name.equals("default") && !this.buses.containsKey(name)) {
			throw AwsException.badRequest("ResourceNotFoundException", "Event bus " + name + " does not exist.");
		}
		return name;
	}

	private String createBus(ObjectNode in) {
		String name = Json.required(in, "Name");
		if (!name.matches("[/\\.\\-_A-Za-z0-9]{1,256}") || name.equals("default") || name.startsWith("aws.")) {
			throw AwsException.validation("Event bus name " + name + " is not valid: letters, digits, . - _ /; not default, not aws.*");
		}
		if (this.buses.containsKey(name)) {
			throw AwsException.badRequest("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
		}
		ObjectNode bus = Json.object();
		bus.put("Name", name);
		bus.put("Arn", this.context.arn("events", "event-bus/" + name));
		this.buses.put(name, bus);
		return bus.path("Arn").asString();
	}

	private ObjectNode busNode(String name) {
		return name.equals("default")
				? Json.object().put("Name", "default").put("Arn", this.context.arn("events", "event-bus/default"))
				: this.buses.get(name).deepCopy();
	}

	private static String busOf(Rule rule) {
		return rule.rule.path("EventBusName").asString("default");
	}

	private static String key(Rule rule) {
		String bus = busOf(rule);
		String name = rule.rule.path("Name").asString();
		return bus.equals("default") ? name : bus + "/" + name;
	}

	private EventPattern pattern(String text) {
		return this.patterns.computeIfAbsent(text, EventPattern::parse);
	}

	private Rule ruleByArn(String arn) {
		Rule rule = this.rules.get(arn.substring(arn.indexOf(":rule/") + ":rule/".length()));
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

	/** Rules by key, and custom buses under {@value #BUSES} (a key no rule has: rule names take no {@code $}). */
	@Override
	public synchronized JsonNode saveState() {
		ObjectNode state = (ObjectNode) Json.tree(this.rules);
		ObjectNode buses = state.putObject(BUSES);
		this.buses.forEach(buses::set);
		return state;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.rules.clear();
		this.buses.clear();
		state.path(BUSES).properties().forEach((e) -> this.buses.put(e.getKey(), (ObjectNode) e.getValue().deepCopy()));
		state.properties().stream().filter((e) -> !e.getKey().equals(BUSES))
			.forEach((e) -> this.rules.put(e.getKey(), Json.mapper().treeToValue(e.getValue(), Rule.class)));
	}

}
