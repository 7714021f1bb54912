package io.serverlessspring.local.lambda;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.InvokedFunction;
import io.serverlessspring.local.lambda.runtime.Invoker;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.QueueSource;
import io.serverlessspring.local.server.RestRouter;
import io.serverlessspring.local.server.StreamSource;

/**
 * Event source mappings: the control plane ({@code /2015-03-31/event-source-mappings/}) and, for
 * SQS queues, a poller that receives batches, invokes the function synchronously with the SQS event
 * and deletes what succeeded (all, or all but {@code batchItemFailures} with
 * {@code ReportBatchItemFailures}); for DynamoDB streams, a reader from {@code StartingPosition}
 * that sends up to {@code BatchSize} records as the {@code aws:dynamodb} event and moves on after success.
 * With {@code FilterCriteria} ({@link EventFilter}) only matching records reach the function; the others
 * are dropped as on AWS (SQS messages deleted, stream records passed over).
 */
final class EventSourceMappings implements AutoCloseable {

	private static final System.Logger log = System.getLogger(EventSourceMappings.class.getName());

	private final FunctionRegistry functions;

	private final Invoker invoker;

	private final LocalContext context;

	private final Map<String, ObjectNode> mappings = new ConcurrentHashMap<>();

	/** Stream mappings: the sequence number read up to (the shard iterator), by mapping UUID. */
	private final Map<String, Long> streamPositions = new ConcurrentHashMap<>();

	/** Each mapping's parsed FilterCriteria (empty: no filtering), by mapping UUID; rebuilt after an update. */
	private final Map<String, Optional<EventFilter>> filters = new ConcurrentHashMap<>();

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "lambda-event-source-poller");
		thread.setDaemon(true);
		return thread;
	});

	/** @param savedMappings the mappings of a saved state, or null */
	EventSourceMappings(FunctionRegistry functions, Invoker invoker, LocalContext context, JsonNode savedMappings) {
		this.functions = functions;
		this.invoker = invoker;
		this.context = context;
		if (savedMappings != null) {
			for (JsonNode mapping : savedMappings) {
				this.mappings.put(mapping.path("UUID").asString(), (ObjectNode) mapping);
			}
		}
	}

	void register(RestRouter router) {
		String base = "/2015-03-31/event-source-mappings/";
		router.add("POST", base, (r, p) -> create(r))
			.add("POST", "/2015-03-31/event-source-mappings", (r, p) -> create(r))
			.add("GET", base, (r, p) -> list(r))
			.add("GET", "/2015-03-31/event-source-mappings", (r, p) -> list(r))
			.add("GET", base + "{UUID}", (r, p) -> AwsResponse.json(200, mapping(p.get("UUID")).deepCopy()))
			.add("PUT", base + "{UUID}", (r, p) -> update(r, p.get("UUID")))
			.add("DELETE", base + "{UUID}", (r, p) -> delete(p.get("UUID")));
	}

	void startPollers() {
		this.poller.scheduleWithFixedDelay(this::pollAll, 500, 500, TimeUnit.MILLISECONDS);
	}

	private AwsResponse create(AwsRequest request) {
		ObjectNode in = request.json();
		String functionName = Json.required(in, "FunctionName", "InvalidParameterValueException");
		LambdaFunction function = this.functions.function(functionName);
		String source = Json.required(in, "EventSourceArn", "InvalidParameterValueException");
		StreamSource streams = streamSource(source);
		String startingPosition = Json.string(in, "StartingPosition");
		if (streams != null) {
			if (!streams.streamExists(source)) {
				throw LambdaErrors.invalid("Stream not found: " + source);
			}
			if (!"TRIM_HORIZON".equals(startingPosition) && !"LATEST".equals(startingPosition)) {
				throw LambdaErrors.invalid("StartingPosition must be TRIM_HORIZON or LATEST for a DynamoDB stream, was "
						+ startingPosition);
			}
		}
		else {
			QueueSource queues = queueSource(source);
			if (queues == null) {
				throw LambdaErrors.invalid("The local cloud polls SQS queues and DynamoDB streams only; unsupported event source: " + source);
			}
			if (!queues.queueExists(source)) {
				throw LambdaErrors.invalid("Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.");
			}
		}
		int batchSize = Json.integer(in, "BatchSize", (streams != null) ? 100 : 10);
		if (batchSize < 1 || batchSize > 10000) {
			throw LambdaErrors.invalid("1 validation error detected: Value '" + batchSize + "' at 'batchSize' failed to satisfy constraint: Member must have value between 1 and 10000");
		}
		EventFilter filter = EventFilter.of(in.get("FilterCriteria"));
		ObjectNode mapping = Json.object();
		mapping.put("UUID", UUID.randomUUID().toString());
		mapping.put("BatchSize", batchSize);
		mapping.put("MaximumBatchingWindowInSeconds", Json.integer(in, "MaximumBatchingWindowInSeconds", 0));
		mapping.put("EventSourceArn", source);
		String qualifier = functionName.matches(".*:function:[^:]+:[^:]+") ? functionName.substring(functionName.lastIndexOf(':') + 1) : null;
		mapping.put("FunctionArn", this.functions.functionArn(function.name) + ((qualifier != null) ? ":" + qualifier : ""));
		mapping.set("LastModified", Json.epochSeconds(this.context.clock().millis()));
		mapping.put("LastProcessingResult", "No records processed");
		mapping.put("State", in.path("Enabled").asBoolean(true) ? "Enabled" : "Disabled");
		mapping.put("StateTransitionReason", "USER_INITIATED");
		mapping.set("FunctionResponseTypes", in.has("FunctionResponseTypes") ? in.get("FunctionResponseTypes") : Json.array());
		if (in.has("ScalingConfig")) {
			mapping.set("ScalingConfig", in.get("ScalingConfig"));
		}
		if (filter != null) {
			mapping.set("FilterCriteria", in.get("FilterCriteria"));
		}
		if (streams != null) {
			mapping.put("StartingPosition", startingPosition);
			this.streamPositions.put(mapping.path("UUID").asString(), streams.position(source, startingPosition));
		}
		this.mappings.put(mapping.path("UUID").asString(), mapping);
		ObjectNode response = mapping.deepCopy();
		response.put("State", "Creating");
		return AwsResponse.json(202, response);
	}

	private AwsResponse list(AwsRequest request) {
		String functionName = request.query("FunctionName");
		String source = request.query("EventSourceArn");
		String functionArn = (functionName != null) ? this.functions.functionArn(this.functions.function(functionName).name) : null;
		ObjectNode out = Json.object();
		ArrayNode list = out.putArray("EventSourceMappings");
		for (ObjectNode mapping : this.mappings.values()) {
			String mappedFunction = mapping.path("FunctionArn").asString().replaceFirst("(:function:[^:]+):[^:]+$", "$1");
			if ((functionArn == null || mappedFunction.equals(functionArn))
					&& (source == null || mapping.path("EventSourceArn").asString().equals(source))) {
				list.add(mapping.deepCopy());
			}
		}
		return AwsResponse.json(200, out);
	}

	private AwsResponse update(AwsRequest request, String uuid) {
		ObjectNode mapping = mapping(uuid);
		ObjectNode in = request.json();
		EventFilter filter = in.has("FilterCriteria") ? EventFilter.of(in.get("FilterCriteria")) : null; // validated before any change
		if (in.has("BatchSize")) {
			mapping.put("BatchSize", Json.integer(in, "BatchSize", 10));
		}
		if (in.has("Enabled")) {
			mapping.put("State", in.path("Enabled").asBoolean() ? "Enabled" : "Disabled");
		}
		if (in.has("FunctionName")) {
			mapping.put("FunctionArn", this.functions.functionArn(this.functions.function(Json.string(in, "FunctionName")).name));
		}
		if (in.has("FunctionResponseTypes")) {
			mapping.set("FunctionResponseTypes", in.get("FunctionResponseTypes"));
		}
		if (in.has("MaximumBatchingWindowInSeconds")) {
			mapping.put("MaximumBatchingWindowInSeconds", Json.integer(in, "MaximumBatchingWindowInSeconds", 0));
		}
		if (in.has("FilterCriteria")) {
			if (filter != null) {
				mapping.set("FilterCriteria", in.get("FilterCriteria"));
			}
			else {
				mapping.remove("FilterCriteria"); // an empty FilterCriteria removes the filters, as on AWS
			}
			this.filters.remove(uuid);
		}
		mapping.set("LastModified", Json.epochSeconds(this.context.clock().millis()));
		return AwsResponse.json(202, mapping.deepCopy());
	}

	private AwsResponse delete(String uuid) {
		ObjectNode mapping = mapping(uuid);
		this.mappings.remove(uuid);
		this.streamPositions.remove(uuid);
		this.filters.remove(uuid);
		ObjectNode response = mapping.deepCopy();
		response.put("State", "Deleting");
		return AwsResponse.json(202, response);
	}

	private ObjectNode mapping(String uuid) {
		ObjectNode mapping = this.mappings.get(uuid);
		if (mapping == null) {
			throw LambdaErrors.notFound("The resource you requested does not exist.");
		}
		return mapping;
	}

	void functionDeleted(String functionName) {
		String arn = this.functions.functionArn(functionName);
		// Lambda keeps mappings of a deleted function; they stop delivering until it returns
		this.mappings.values().forEach((m) -> {
			if (m.path("FunctionArn").asString().startsWith(arn)) {
				m.put("LastProcessingResult", "PROBLEM: Function not found");
			}
		});
	}

	JsonNode saveState() {
		return Json.tree(List.copyOf(this.mappings.values()));
	}

	/** The service owning the queue, or null (no SQS in this cloud, or not a queue ARN). */
	private QueueSource queueSource(String arn) {
		QueueSource source;
		try {
			source = this.context.service(QueueSource.class);
		}
		catch (IllegalStateException noQueueService) {
			return null;
		}
		return source.ownsQueue(arn) ? source : null;
	}

	private void pollAll() {
		for (ObjectNode mapping : List.copyOf(this.mappings.values())) {
			if (!"Enabled".equals(mapping.path("State").asString())) {
				continue;
			}
			try {
				poll(mapping);
			}
			catch (RuntimeException ex) {
				log.log(Level.DEBUG, "Polling " + mapping.path("EventSourceArn").asString() + " failed", ex);
			}
		}
	}

	/** The mapping's filter, or null when it passes every record. */
	private EventFilter filter(ObjectNode mapping) {
		return this.filters.computeIfAbsent(mapping.path("UUID").asString(),
				(uuid) -> Optional.ofNullable(EventFilter.of(mapping.get("FilterCriteria")))).orElse(null);
	}

	/** The service owning the stream, or null (not a stream ARN). */
	private StreamSource streamSource(String arn) {
		for (StreamSource source : this.context.services(StreamSource.class)) {
			if (source.ownsStream(arn)) {
				return source;
			}
		}
		return null;
	}

	/**
	 * A stream mapping: the next records after its position as one {@code aws:dynamodb} event; the
	 * position moves on after success only (a failed batch is retried, holding the shard, as on AWS).
	 */
	private void pollStream(ObjectNode mapping, StreamSource streams, String source) {
		String uuid = mapping.path("UUID").asString();
		long position = this.streamPositions.computeIfAbsent(uuid,
				(u) -> streams.position(source, mapping.path("StartingPosition").asString("LATEST")));
		List<StreamSource.StreamRecord> records = streams.records(source, position, mapping.path("BatchSize").asInt(100));
		if (records.isEmpty()) {
			return;
		}
		long last = records.get(records.size() - 1).sequence();
		EventFilter filter = filter(mapping);
		ObjectNode event = Json.object();
		ArrayNode list = event.putArray("Records");
		for (StreamSource.StreamRecord record : records) {
			ObjectNode copy = (ObjectNode) record.eventRecord().deepCopy();
			if (filter == null || filter.matches(copy)) {
				list.add(copy);
			}
		}
		if (list.isEmpty()) {
			this.streamPositions.put(uuid, last); // filtered out: passed over without an invocation
			return;
		}
		RuntimeInvocationResult result;
		try {
			InvokedFunction target = this.functions.target(mapping.path("FunctionArn").asString(), null);
			result = this.invoker.invoke(target, Json.bytes(event), null);
		}
		catch (AwsException ex) {
			mapping.put("LastProcessingResult", "PROBLEM: " + ex.getMessage());
			return;
		}
		if (result.failed()) {
			mapping.put("LastProcessingResult", "PROBLEM: Function call failed");
			return;
		}
		this.streamPositions.put(uuid, last);
		mapping.put("LastProcessingResult", "OK");
	}

	private void poll(ObjectNode mapping) {
		String source = mapping.path("EventSourceArn").asString();
		StreamSource streams = streamSource(source);
		if (streams != null) {
			if (streams.streamExists(source)) {
				pollStream(mapping, streams, source);
			}
			return;
		}
		QueueSource queues = queueSource(source);
		if (queues == null || !queues.queueExists(source)) {
			return;
		}
		List<QueueSource.QueueMessage> messages = queues.receive(source, Math.min(10, mapping.path("BatchSize").asInt(10)));
		if (messages.isEmpty()) {
			return;
		}
		EventFilter filter = filter(mapping);
		ObjectNode event = Json.object();
		ArrayNode records = event.putArray("Records");
		List<QueueSource.QueueMessage> delivered = new ArrayList<>();
		for (QueueSource.QueueMessage message : messages) {
			ObjectNode record = Json.object();
			record.put("messageId", message.messageId());
			record.put("receiptHandle", message.receiptHandle());
			record.put("body", message.body());
			record.set("attributes", Json.tree(message.attributes()));
			record.set("messageAttributes", (message.messageAttributes() != null) ? message.messageAttributes() : Json.object());
			record.put("md5OfBody", message.md5OfBody());
			record.put("eventSource", "aws:sqs");
			record.put("eventSourceARN", source);
			record.put("awsRegion", this.context.region());
			if (filter == null || filter.matches(record)) {
				records.add(record);
				delivered.add(message);
			}
			else {
				queues.delete(source, message.receiptHandle()); // AWS deletes the messages no filter matches
			}
		}
		if (delivered.isEmpty()) {
			return;
		}
		RuntimeInvocationResult result;
		try {
			InvokedFunction target = this.functions.target(mapping.path("FunctionArn").asString(), null);
			result = this.invoker.invoke(target, Json.bytes(event), null);
		}
		catch (AwsException ex) {
			mapping.put("LastProcessingResult", "PROBLEM: " + ex.getMessage());
			return; // messages become visible again after their timeout
		}
		if (result.failed()) {
			mapping.put("LastProcessingResult", "PROBLEM: Function call failed");
			return;
		}
		List<String> failed = new ArrayList<>();
		if (mapping.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures")) {
			try {
				Json.mapper().readTree(result.payload()).path("batchItemFailures")
					.forEach((f) -> failed.add(f.path("itemIdentifier").asString()));
			}
			catch (RuntimeException ex) {
				// not a batch response: every record succeeded
			}
		}
		for (QueueSource.QueueMessage message : delivered) {
			if (!failed.contains(message.messageId())) {
				queues.delete(source, message.receiptHandle());
			}
		}
		mapping.put("LastProcessingResult", "OK");
	}

	@Override
	public void close() {
		this.poller.shutdownNow();
	}

}
