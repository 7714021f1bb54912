package io.serverlessspring.local.scheduler;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.events.ScheduleRecurrence;
import io.serverlessspring.local.events.ScheduleTimers;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;

/**
 * EventBridge Scheduler (rest-json): schedule groups and schedules with {@code rate}, {@code cron}
 * (in their {@code ScheduleExpressionTimezone}) and one-time {@code at} expressions, start/end dates,
 * enable/disable and delete-after-completion. Schedules fire on time and send their target's
 * {@code Input} with Scheduler's context attributes ({@code <aws.scheduler.scheduled-time>}, …)
 * filled in. Flexible time windows fire at the window's start.
 */
public final class SchedulerService implements AwsService, Persistent {

	private static final System.Logger log = System.getLogger(SchedulerService.class.getName());

	/** The model: schedules by "group/name", groups by name. */
	public static final class State {

		public Map<String, ObjectNode> schedules = new TreeMap<>();

		public Map<String, ObjectNode> groups = new TreeMap<>();

		public Map<String, Map<String, String>> tags = new LinkedHashMap<>();

	}

	private final RestRouter router = new RestRouter("ResourceNotFoundException");

	private State state = new State();

	private LocalContext context;

	private ScheduleTimers timers;

	public SchedulerService() {
		this.router.add("POST", "/schedules/{Name}", (r, p) -> createSchedule(r, p.get("Name")))
			.add("PUT", "/schedules/{Name}", (r, p) -> updateSchedule(r, p.get("Name")))
			.add("GET", "/schedules/{Name}", (r, p) -> AwsResponse.json(200, schedule(group(r), p.get("Name"))))
			.add("DELETE", "/schedules/{Name}", (r, p) -> deleteSchedule(r, p.get("Name")))
			.add("GET", "/schedules", (r, p) -> listSchedules(r))
			.add("POST", "/schedule-groups/{Name}", (r, p) -> createGroup(r, p.get("Name")))
			.add("GET", "/schedule-groups/{Name}", (r, p) -> AwsResponse.json(200, groupNode(p.get("Name"))))
			.add("DELETE", "/schedule-groups/{Name}", (r, p) -> deleteGroup(p.get("Name")))
			.add("GET", "/schedule-groups", (r, p) -> listGroups(r.query("NamePrefix")))
			.add("POST", "/tags/{ResourceArn}", (r, p) -> tag(r, p.get("ResourceArn")))
			.add("GET", "/tags/{ResourceArn}", (r, p) -> listTags(p.get("ResourceArn")))
			.add("DELETE", "/tags/{ResourceArn}", (r, p) -> untag(r, p.get("ResourceArn")));
	}

	@Override
	public String signingName() {
		return "scheduler";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_JSON;
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.timers = new ScheduleTimers(context.timers());
		if (!this.state.groups.containsKey("default")) {
			this.state.groups.put("default", newGroup("default"));
		}
		this.state.schedules.values().forEach(this::arm);
	}

	@Override
	public void close() {
		if (this.timers != null) {
			this.timers.cancelAll();
		}
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		return this.router.route(request);
	}

	private AwsResponse createSchedule(AwsRequest request, String name) {
		ObjectNode in = request.json();
		String group = in.path("GroupName").asString("default");
		groupNode(group);
		String key = group + "/" + name;
		if (this.state.schedules.containsKey(key)) {
			throw AwsException.conflict("ConflictException", "Schedule " + name + " already exists.");
		}
		ObjectNode schedule = validated(in, name, group);
		JsonNode now = Json.epochSeconds(this.context.clock().instant());
		schedule.set("CreationDate", now);
		schedule.set("LastModificationDate", now);
		this.state.schedules.put(key, schedule);
		arm(schedule);
		ObjectNode out = Json.object();
		out.put("ScheduleArn", schedule.path("Arn").asString());
		return AwsResponse.json(200, out);
	}

	private AwsResponse updateSchedule(AwsRequest request, String name) {
		ObjectNode in = request.json();
		String group = in.path("GroupName").asString("default");
		ObjectNode existing = schedule(group, name);
		ObjectNode schedule = validated(in, name, group);
		schedule.set("CreationDate", existing.get("CreationDate"));
		schedule.set("LastModificationDate", Json.epochSeconds(this.context.clock().instant()));
		this.state.schedules.put(group + "/" + name, schedule);
		arm(schedule);
		ObjectNode out = Json.object();
		out.put("ScheduleArn", schedule.path("Arn").asString());
		return AwsResponse.json(200, out);
	}

	/** The schedule as GetSchedule returns it; invalid input is a ValidationException naming the member. */
	private ObjectNode validated(ObjectNode in, String name, String group) {
		if (!name.matches("[0-9a-zA-Z-_.]{1,64}")) {
			throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_.]+$");
		}
		String expression = Json.required(in, "ScheduleExpression");
		try {
			ScheduleRecurrence.parse(expression, true);
		}
		catch (IllegalArgumentException ex) {
			throw AwsException.validation("Invalid Schedule Expression " + expression + ". " + ex.getMessage());
		}
		String zone = in.path("ScheduleExpressionTimezone").asString("UTC");
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw AwsException.validation("Invalid ScheduleExpressionTimezone " + zone);
		}
		JsonNode window = in.get("FlexibleTimeWindow");
		if (window == null || !window.has("Mode")) {
			throw AwsException.validation("1 validation error detected: Value null at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null");
		}
		JsonNode target = in.get("Target");
		if (target == null || !target.isObject()) {
			throw AwsException.validation("1 validation error detected: Value null at 'target' failed to satisfy constraint: Member must not be null");
		}
		String arn = Json.required(target, "Arn");
		Json.required(target, "RoleArn");
		if (!this.context.canDeliverTo(arn)) {
			throw AwsException.validation("The local cloud cannot deliver to target " + arn);
		}
		ObjectNode schedule = Json.object();
		schedule.put("Arn", this.context.arn("scheduler", "schedule/" + group + "/" + name));
		schedule.put("Name", name);
		schedule.put("GroupName", group);
		schedule.put("ScheduleExpression", expression);
		schedule.put("ScheduleExpressionTimezone", zone);
		schedule.put("State", in.path("State").asString("ENABLED"));
		schedule.set("FlexibleTimeWindow", window);
		schedule.set("Target", target);
		for (String date : List.of("StartDate", "EndDate")) {
			if (in.hasNonNull(date)) {
				// kept to the millisecond and returned as AWS renders it, whatever precision came in
				schedule.set(date, Json.epochSeconds(Json.instant(in.get(date), date)));
			}
		}
		for (String optional : List.of("Description", "KmsKeyArn")) {
			if (in.has(optional)) {
				schedule.set(optional, in.get(optional));
			}
		}
		schedule.put("ActionAfterCompletion", in.path("ActionAfterCompletion").asString("NONE"));
		return schedule;
	}

	private AwsResponse deleteSchedule(AwsRequest request, String name) {
		String group = group(request);
		schedule(group, name);
		this.state.schedules.remove(group + "/" + name);
		this.timers.cancel(group + "/" + name);
		return AwsResponse.json(200, Json.object());
	}

	private AwsResponse listSchedules(AwsRequest request) {
		String prefix = request.query("NamePrefix");
		String group = request.query("ScheduleGroup");
		String state = request.query("State");
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Schedules");
		for (ObjectNode schedule : this.state.schedules.values()) {
			if ((prefix == null || schedule.path("Name").asString().startsWith(prefix))
					&& (group == null || schedule.path("GroupName").asString().equals(group))
					&& (state == null || schedule.path("State").asString().equals(state))) {
				ObjectNode summary = list.addObject();
				for (String field : List.of("Arn", "Name", "GroupName", "State", "CreationDate", "LastModificationDate")) {
					summary.set(field, schedule.get(field));
				}
				summary.putObject("Target").put("Arn", schedule.path("Target").path("Arn").asString());
			}
		}
		return AwsResponse.json(200, out);
	}

	private AwsResponse createGroup(AwsRequest request, String name) {
		if (this.state.groups.containsKey(name)) {
			throw AwsException.conflict("ConflictException", "Schedule group " + name + " already exists.");
		}
		ObjectNode group = newGroup(name);
		this.state.groups.put(name, group);
		ObjectNode out = Json.object();
		out.put("ScheduleGroupArn", group.path("Arn").asString());
		return AwsResponse.json(200, out);
	}

	private AwsResponse deleteGroup(String name) {
		groupNode(name);
		if (name.equals("default")) {
			throw AwsException.validation("The default schedule group cannot be deleted.");
		}
		this.state.groups.remove(name);
		this.state.schedules.keySet().removeIf((key) -> {
			if (key.startsWith(name + "/")) {
				this.timers.cancel(key);
				return true;
			}
			return false;
		});
		return AwsResponse.json(200, Json.object());
	}

	private AwsResponse listGroups(String prefix) {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("ScheduleGroups");
		this.state.groups.values().stream()
			.filter((g) -> prefix == null || g.path("Name").asString().startsWith(prefix))
			.forEach(list::add);
		return AwsResponse.json(200, out);
	}

	private AwsResponse tag(AwsRequest request, String arn) {
		Map<String, String> tags = this.state.tags.computeIfAbsent(taggable(arn), (k) -> new LinkedHashMap<>());
		request.json().path("Tags").forEach((t) -> tags.put(t.path("Key").asString(), t.path("Value").asString()));
		return AwsResponse.json(200, Json.object());
	}

	private AwsResponse listTags(String arn) {
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("Tags");
		this.state.tags.getOrDefault(taggable(arn), Map.of()).forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
		return AwsResponse.json(200, out);
	}

	private AwsResponse untag(AwsRequest request, String arn) {
		Map<String, String> tags = this.state.tags.get(taggable(arn));
		if (tags != null) {
			request.queryParameters().getOrDefault("TagKeys", List.of()).forEach(tags::remove);
		}
		return AwsResponse.json(200, Json.object());
	}

	/** Only schedule groups carry tags in Scheduler. */
	private String taggable(String arn) {
		String name = arn.substring(arn.lastIndexOf('/') + 1);
		groupNode(name);
		return name;
	}

	private ObjectNode newGroup(String name) {
		ObjectNode group = Json.object();
		group.put("Arn", this.context.arn("scheduler", "schedule-group/" + name));
		group.put("Name", name);
		group.put("State", "ACTIVE");
		JsonNode now = Json.epochSeconds(this.context.clock().instant());
		group.set("CreationDate", now);
		group.set("LastModificationDate", now);
		return group;
	}

	private ObjectNode groupNode(String name) {
		ObjectNode group = this.state.groups.get(name);
		if (group == null) {
			throw AwsException.notFound("ResourceNotFoundException", "Schedule group " + name + " does not exist.");
		}
		return group;
	}

	private static String group(AwsRequest request) {
		return (request.query("groupName") != null) ? request.query("groupName") : "default";
	}

	private ObjectNode schedule(String group, String name) {
		ObjectNode schedule = this.state.schedules.get(group + "/" + name);
		if (schedule == null) {
			throw AwsException.notFound("ResourceNotFoundException", "Schedule " + name + " does not exist.");
		}
		return schedule;
	}

	private void arm(ObjectNode schedule) {
		String key = schedule.path("GroupName").asString() + "/" + schedule.path("Name").asString();
		if (!"ENABLED".equals(schedule.path("State").asString())) {
			this.timers.cancel(key);
			return;
		}
		Instant start = date(schedule.has("StartDate") ? schedule.get("StartDate") : schedule.get("CreationDate"));
		Instant end = schedule.has("EndDate") ? date(schedule.get("EndDate")) : null;
		ScheduleRecurrence expression = ScheduleRecurrence.parse(schedule.path("ScheduleExpression").asString(), true);
		this.timers.arm(key, expression, ZoneId.of(schedule.path("ScheduleExpressionTimezone").asString("UTC")), start, end,
				(time) -> fire(key, time, expression.isOneTime()));
	}

	/** The SDK sends dates as epoch seconds. */
	private static Instant date(JsonNode node) {
		return node.isNumber() ? Instant.ofEpochMilli((long) (node.asDouble() * 1000)) : Instant.parse(node.asString());
	}

	private void fire(String key, Instant time, boolean oneTime) {
		ObjectNode schedule;
		synchronized (this) {
			schedule = this.state.schedules.get(key);
			if (schedule == null) {
				return;
			}
			if (oneTime && "DELETE".equals(schedule.path("ActionAfterCompletion").asString())) {
				this.state.schedules.remove(key);
			}
		}
		JsonNode target = schedule.path("Target");
		String input = target.path("Input").asString("{}")
			.replace("<aws.scheduler.schedule-arn>", schedule.path("Arn").asString())
			.replace("<aws.scheduler.scheduled-time>", time.truncatedTo(ChronoUnit.SECONDS).toString())
			.replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
			.replace("<aws.scheduler.attempt-number>", "1");
		try {
			this.context.deliver(target.path("Arn").asString(), input);
		}
		catch (RuntimeException ex) {
			log.log(System.Logger.Level.WARNING, "Schedule " + key + " could not deliver: " + ex.getMessage());
		}
	}

	@Override
	public synchronized JsonNode saveState() {
		return Json.tree(this.state);
	}

	@Override
	public synchronized void loadState(JsonNode saved) {
		this.state = Json.mapper().treeToValue(saved, State.class);
	}

}
