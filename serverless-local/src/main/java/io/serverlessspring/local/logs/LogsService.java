package io.serverlessspring.local.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;

/**
 * CloudWatch Logs (awsJson1.1, {@code Logs_20140328}): groups with retention and tags, streams,
 * put/get/filter events. Functions write here through {@link #append}. With a state directory, groups
 * and streams are saved as a snapshot and events appended to a {@link LogJournal}.
 */
public final class LogsService implements AwsService, Persistent {

	private static final System.Logger log = System.getLogger(LogsService.class.getName());

	private static final int MAX_PAGE = 10_000;

	/** A log group. */
	public static final class LogGroup {

		public String name;

		public long created;

		public Integer retentionInDays;

		public Map<String, String> tags = new LinkedHashMap<>();

		public TreeMap<String, LogStream> streams = new TreeMap<>();

	}

	/** A log stream and its events, in time order. */
	public static final class LogStream {

		public String name;

		public long created;

		public List<LogEvent> events = new ArrayList<>();

	}

	/** One event. */
	public record LogEvent(long timestamp, String message, long ingestionTime) {
	}

	private final TreeMap<String, LogGroup> groups = new TreeMap<>();

	private LocalContext context;

	/** Where events are appended, with a state directory (null: memory only). */
	private LogJournal journal;

	/** Events found in a saved snapshot of the older format (events inside): moved to the journal at start. */
	private boolean snapshotHadEvents;

	@Override
	public String signingName() {
		return "logs";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("Logs_20140328");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		context.stateDirectory().ifPresent((directory) -> {
			this.journal = new LogJournal(directory.resolve(getClass().getSimpleName() + ".events.jsonl"));
			replay();
			context.timers().scheduleWithFixedDelay(this::flushJournal, 1, 1, TimeUnit.SECONDS);
		});
	}

	@Override
	public void close() {
		flushJournal();
	}

	private void flushJournal() {
		if (this.journal != null) {
			try {
				this.journal.flush();
			}
			catch (RuntimeException ex) {
				log.log(System.Logger.Level.WARNING, "Could not save log events", ex);
			}
		}
	}

	/**
	 * Loads the journal's events into the groups the snapshot has (creating those it lacks), drops
	 * those of deleted groups and streams, and compacts the file when that left dead lines.
	 */
	private synchronized void replay() {
		List<JsonNode> lines = this.journal.read();
		// groups and streams the snapshot did not have (created after it was saved): a later deletion removes them
		Set<Object> created = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		for (JsonNode line : lines) {
			if (line.has("deleteGroup")) {
				LogGroup group = this.groups.get(line.path("deleteGroup").asString());
				if (group == null) {
					continue;
				}
				if (!line.has("deleteStream") && created.contains(group)) {
					this.groups.remove(group.name);
					continue;
				}
				group.streams.values().removeIf((stream) -> {
					if (line.has("deleteStream") && !stream.name.equals(line.path("deleteStream").asString())) {
						return false;
					}
					stream.events.clear();
					return created.contains(stream);
				});
				continue;
			}
			LogGroup group = this.groups.computeIfAbsent(line.path("group").asString(), (n) -> {
				LogGroup fresh = newGroup(n);
				created.add(fresh);
				return fresh;
			});
			LogStream stream = group.streams.computeIfAbsent(line.path("stream").asString(), (n) -> {
				LogStream fresh = newStream(n);
				created.add(fresh);
				return fresh;
			});
			stream.events.add(new LogEvent(line.path("timestamp").asLong(), line.path("message").asString(),
					line.path("ingestionTime").asLong()));
		}
		List<ObjectNode> live = new ArrayList<>();
		for (LogGroup group : this.groups.values()) {
			for (LogStream stream : group.streams.values()) {
				stream.events.sort(Comparator.comparingLong(LogEvent::timestamp));
				stream.events.forEach((event) -> live.add(LogJournal.line(group.name, stream.name, event)));
			}
		}
		if (this.snapshotHadEvents || live.size() < lines.size()) {
			this.journal.rewrite(live);
		}
	}

	private void record(LogGroup group, LogStream stream, LogEvent event) {
		stream.events.add(event);
		if (this.journal != null) {
			this.journal.event(group.name, stream.name, event);
		}
	}

	/** Appends messages (timestamped now) to a stream, creating the group and stream if needed. */
	public synchronized void append(String groupName, String streamName, List<String> messages) {
		LogGroup group = this.groups.computeIfAbsent(groupName, (n) -> newGroup(n));
		LogStream stream = group.streams.computeIfAbsent(streamName, (n) -> newStream(n));
		long now = System.currentTimeMillis();
		for (String message : messages) {
			record(group, stream, new LogEvent(now, message, now));
		}
	}

	@Override
	public synchronized AwsResponse handle(AwsRequest request) {
		ObjectNode in = request.json();
		String operation = request.targetOperation();
		ObjectNode out = Json.object();
		switch (operation) {
			case "CreateLogGroup" -> {
				String name = Json.required(in, "logGroupName", "InvalidParameterException");
				if (this.groups.containsKey(name)) {
					throw AwsException.badRequest("ResourceAlreadyExistsException", "The specified log group already exists");
				}
				LogGroup group = newGroup(name);
				group.tags.putAll(Json.stringMap(in, "tags"));
				this.groups.put(name, group);
			}
			case "DeleteLogGroup" -> {
				String name = group(in).name;
				this.groups.remove(name);
				if (this.journal != null) {
					this.journal.deleted(name, null);
				}
			}
			case "DescribeLogGroups" -> {
				String prefix = Json.string(in, "logGroupNamePrefix");
				String pattern = Json.string(in, "logGroupNamePattern");
				ArrayNode list = out.putArray("logGroups");
				for (LogGroup group : this.groups.values()) {
					if ((prefix == null || group.name.startsWith(prefix)) && (pattern == null || group.name.contains(pattern))) {
						ObjectNode node = list.addObject();
						node.put("logGroupName", group.name);
						node.put("creationTime", group.created);
						if (group.retentionInDays != null) {
							node.put("retentionInDays", group.retentionInDays);
						}
						node.put("metricFilterCount", 0);
						node.put("arn", arn(group.name) + ":*");
						node.put("logGroupArn", arn(group.name));
						node.put("storedBytes", group.streams.values().stream()
							.mapToLong((s) -> s.events.stream().mapToLong((e) -> e.message().length()).sum()).sum());
						node.put("logGroupClass", "STANDARD");
					}
				}
			}
			case "PutRetentionPolicy" -> {
				LogGroup group = group(in);
				int days = Json.integer(in, "retentionInDays", -1);
				if (!Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
						3288, 3653).contains(days)) {
					throw AwsException.badRequest("InvalidParameterException",
							"1 validation error detected: Value '" + days + "' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set");
				}
				group.retentionInDays = days;
			}
			case "DeleteRetentionPolicy" -> group(in).retentionInDays = null;
			case "CreateLogStream" -> {
				LogGroup group = group(in);
				String name = Json.required(in, "logStreamName", "InvalidParameterException");
				if (group.streams.containsKey(name)) {
					throw AwsException.badRequest("ResourceAlreadyExistsException", "The specified log stream already exists");
				}
				group.streams.put(name, newStream(name));
			}
			case "DeleteLogStream" -> {
				LogGroup group = group(in);
				String name = stream(group, in).name;
				if (group.streams.remove(name) == null) {
					throw notFound("The specified log stream does not exist.");
				}
				if (this.journal != null) {
					this.journal.deleted(group.name, name);
				}
			}
			case "DescribeLogStreams" -> describeStreams(in, out);
			case "PutLogEvents" -> {
				LogGroup group = group(in);
				LogStream stream = stream(group, in);
				long now = System.currentTimeMillis();
				JsonNode events = in.get("logEvents");
				if (events == null || !events.isArray() || events.isEmpty()) {
					throw AwsException.badRequest("InvalidParameterException", "logEvents must contain at least one event");
				}
				events.forEach((e) -> record(group, stream, new LogEvent(e.path("timestamp").asLong(), e.path("message").asString(), now)));
				stream.events.sort(Comparator.comparingLong(LogEvent::timestamp));
				out.put("nextSequenceToken", Long.toString(stream.events.size()));
			}
			case "GetLogEvents" -> getEvents(in, out);
			case "FilterLogEvents" -> filterEvents(in, out);
			case "TagLogGroup" -> group(in).tags.putAll(Json.stringMap(in, "tags"));
			case "ListTagsLogGroup" -> out.set("tags", Json.tree(group(in).tags));
			case "TagResource" -> groupByArn(Json.required(in, "resourceArn", "InvalidParameterException")).tags
				.putAll(Json.stringMap(in, "tags"));
			case "UntagResource" -> Json.stringList(in, "tagKeys")
				.forEach(groupByArn(Json.required(in, "resourceArn", "InvalidParameterException")).tags::remove);
			case "ListTagsForResource" -> out.set("tags",
					Json.tree(groupByArn(Json.required(in, "resourceArn", "InvalidParameterException")).tags));
			default -> throw AwsException.badRequest("UnknownOperationException", "Unknown operation " + operation);
		}
		return AwsResponse.amzJson(out);
	}

	private void describeStreams(ObjectNode in, ObjectNode out) {
		LogGroup group = group(in);
		String prefix = Json.string(in, "logStreamNamePrefix");
		List<LogStream> streams = new ArrayList<>(group.streams.values());
		if (prefix != null) {
			streams.removeIf((s) -> !s.name.startsWith(prefix));
		}
		if ("LastEventTime".equals(Json.string(in, "orderBy"))) {
			streams.sort(Comparator.comparingLong(LogsService::lastEventTime));
		}
		if (in.path("descending").asBoolean(false)) {
			java.util.Collections.reverse(streams);
		}
		int limit = Json.integer(in, "limit", 50);
		ArrayNode list = out.putArray("logStreams");
		for (LogStream stream : streams.subList(0, Math.min(limit, streams.size()))) {
			ObjectNode node = list.addObject();
			node.put("logStreamName", stream.name);
			node.put("creationTime", stream.created);
			if (!stream.events.isEmpty()) {
				node.put("firstEventTimestamp", stream.events.get(0).timestamp());
				node.put("lastEventTimestamp", lastEventTime(stream));
				node.put("lastIngestionTime", stream.events.get(stream.events.size() - 1).ingestionTime());
			}
			node.put("arn", arn(group.name) + ":log-stream:" + stream.name);
			node.put("storedBytes", 0);
		}
	}

	private void getEvents(ObjectNode in, ObjectNode out) {
		LogStream stream = stream(group(in), in);
		long start = in.path("startTime").asLong(Long.MIN_VALUE);
		long end = in.path("endTime").asLong(Long.MAX_VALUE);
		int limit = Math.min(Json.integer(in, "limit", MAX_PAGE), MAX_PAGE);
		String token = Json.string(in, "nextToken");
		// without a token, CloudWatch starts at the newest events unless asked for the head
		int from = (token != null) ? parseToken(token)
				: in.path("startFromHead").asBoolean(false) ? 0 : Math.max(0, stream.events.size() - limit);
		ArrayNode list = out.putArray("events");
		int index = from;
		for (; index < stream.events.size() && list.size() < limit; index++) {
			LogEvent event = stream.events.get(index);
			if (event.timestamp() >= start && event.timestamp() < end) {
				ObjectNode node = list.addObject();
				node.put("timestamp", event.timestamp());
				node.put("message", event.message());
				node.put("ingestionTime", event.ingestionTime());
			}
		}
		out.put("nextForwardToken", "f/" + index);
		out.put("nextBackwardToken", "b/" + from);
	}

	private void filterEvents(ObjectNode in, ObjectNode out) {
		LogGroup group = group(in);
		List<String> names = Json.stringList(in, "logStreamNames");
		String namePrefix = Json.string(in, "logStreamNamePrefix");
		long start = in.path("startTime").asLong(Long.MIN_VALUE);
		long end = in.path("endTime").asLong(Long.MAX_VALUE);
		LogFilterPattern pattern = LogFilterPattern.parse(Json.string(in, "filterPattern"));
		int limit = Math.min(Json.integer(in, "limit", MAX_PAGE), MAX_PAGE);
		record Found(String stream, LogEvent event, int index) {
		}
		List<Found> found = new ArrayList<>();
		for (LogStream stream : group.streams.values()) {
			if ((!names.isEmpty() && !names.contains(stream.name)) || (namePrefix != null && !stream.name.startsWith(namePrefix))) {
				continue;
			}
			for (int i = 0; i < stream.events.size(); i++) {
				LogEvent event = stream.events.get(i);
				if (event.timestamp() >= start && event.timestamp() <= end && pattern.matches(event.message())) {
					found.add(new Found(stream.name, event, i));
				}
			}
		}
		found.sort(Comparator.comparingLong((Found f) -> f.event().timestamp()).thenComparingLong((f) -> f.event().ingestionTime()));
		String token = Json.string(in, "nextToken");
		int from = (token != null) ? parseToken(token) : 0;
		ArrayNode list = out.putArray("events");
		int index = from;
		for (; index < found.size() && list.size() < limit; index++) {
			Found f = found.get(index);
			ObjectNode node = list.addObject();
			node.put("logStreamName", f.stream());
			node.put("timestamp", f.event().timestamp());
			node.put("message", f.event().message());
			node.put("ingestionTime", f.event().ingestionTime());
			node.put("eventId", f.stream().hashCode() + "-" + f.index());
		}
		out.putArray("searchedLogStreams");
		if (index < found.size()) {
			out.put("nextToken", "f/" + index);
		}
	}

	private static int parseToken(String token) {
		try {
			return Integer.parseInt(token.substring(token.indexOf('/') + 1));
		}
		catch (RuntimeException ex) {
			throw AwsException.badRequest("InvalidParameterException", "The specified nextToken is invalid.");
		}
	}

	private static long lastEventTime(LogStream stream) {
		return stream.events.isEmpty() ? stream.created : stream.events.get(stream.events.size() - 1).timestamp();
	}

	private LogGroup group(ObjectNode in) {
		String name = Json.string(in, "logGroupName");
		if (name == null && in.has("logGroupIdentifier")) {
			name = Json.string(in, "logGroupIdentifier");
			if (name.startsWith("arn:")) {
				return groupByArn(name);
			}
		}
		if (name == null || name.isBlank()) {
			throw AwsException.badRequest("InvalidParameterException",
					"1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
		}
		LogGroup group = this.groups.get(name);
		if (group == null) {
			throw notFound("The specified log group does not exist.");
		}
		return group;
	}

	private LogGroup groupByArn(String arn) {
		String name = arn.replaceFirst("^arn:aws:logs:[^:]*:[^:]*:log-group:", "").replaceFirst(":\\*$", "");
		LogGroup group = this.groups.get(name);
		if (group == null) {
			throw notFound("The specified log group does not exist.");
		}
		return group;
	}

	private static LogStream stream(LogGroup group, ObjectNode in) {
		String name = Json.required(in, "logStreamName", "InvalidParameterException");
		LogStream stream = group.streams.get(name);
		if (stream == null) {
			throw notFound("The specified log stream does not exist.");
		}
		return stream;
	}

	private static AwsException notFound(String message) {
		return AwsException.badRequest("ResourceNotFoundException", message);
	}

	private String arn(String group) {
		return this.context.arn("logs", "log-group:" + group);
	}

	private static LogGroup newGroup(String name) {
		LogGroup group = new LogGroup();
		group.name = name;
		group.created = System.currentTimeMillis();
		return group;
	}

	private static LogStream newStream(String name) {
		LogStream stream = new LogStream();
		stream.name = name;
		stream.created = System.currentTimeMillis();
		return stream;
	}

	/** Groups and streams without their events: those are in the journal, appended as they come. */
	@Override
	public synchronized JsonNode saveState() {
		ArrayNode saved = Json.mapper().createArrayNode();
		for (LogGroup group : this.groups.values()) {
			ObjectNode node = saved.addObject().put("name", group.name).put("created", group.created);
			if (group.retentionInDays != null) {
				node.put("retentionInDays", group.retentionInDays);
			}
			node.set("tags", Json.tree(group.tags));
			ObjectNode streams = node.putObject("streams");
			group.streams.values().forEach((stream) -> streams.putObject(stream.name).put("name", stream.name)
				.put("created", stream.created));
		}
		return saved;
	}

	@Override
	public synchronized void loadState(JsonNode state) {
		this.groups.clear();
		for (JsonNode node : state) {
			LogGroup group = Json.mapper().treeToValue(node, LogGroup.class);
			this.groups.put(group.name, group);
			this.snapshotHadEvents |= group.streams.values().stream().anyMatch((stream) -> !stream.events.isEmpty());
		}
	}

}
