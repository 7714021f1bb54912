package io.serverlessspring.local.sqs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.EventSink;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Persistent;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.QueueSource;

/**
 * SQS in the protocol the SDK v2 speaks since 2023: awsJson1.0 with {@code X-Amz-Target: AmazonSQS.*}
 * and query-compatible errors ({@code x-amzn-query-error: AWS.SimpleQueueService.NonExistentQueue;Sender}).
 * Queues (standard, and FIFO with per-group ordering and five-minute deduplication), messages with delay,
 * visibility timeout, long polling, message attributes and their MD5s, batches, dead-letter redrive,
 * tags. Queue URLs are {@code <endpoint>/<account>/<name>}. Other services send to a queue through
 * {@link EventSink} (SNS subscriptions, S3 notifications, rule targets); Lambda event source mappings
 * poll it through {@link QueueSource}. With a state directory, queues and their messages survive a
 * restart (in-flight messages become visible again).
 */
public final class SqsService implements AwsService, EventSink, QueueSource, Persistent {

	private static final Pattern QUEUE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,80}(\\.fifo)?");

	private static final int MAX_WAIT_SECONDS = 20;

	private static final Set<String> SETTABLE = Set.of("DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
			"Policy", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "RedrivePolicy", "RedriveAllowPolicy",
			"KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "FifoQueue",
			"ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit");

	private final Map<String, SqsQueue> queues = new ConcurrentHashMap<>();

	private LocalContext context;

	@Override
	public String signingName() {
		return "sqs";
	}

	@Override
	public Protocol protocol() {
		return Protocol.JSON;
	}

	@Override
	public Set<String> targetPrefixes() {
		return Set.of("AmazonSQS");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
		this.queues.values().forEach((queue) -> queue.url = url(queue.name));
	}

	private String url(String name) {
		return this.context.endpoint() + "/" + this.context.accountId() + "/" + name;
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		try {
			if (request.header("X-Amz-Target") == null) {
				throw new SqsError(400, "UnsupportedProtocol", "UnsupportedProtocol",
						"This local SQS speaks the AWS JSON protocol (X-Amz-Target: AmazonSQS.<Action>), as the SDKs since 2023 do");
			}
			ObjectNode input = request.json();
			ObjectNode output = switch (String.valueOf(request.targetOperation())) {
				case "CreateQueue" -> createQueue(input);
				case "GetQueueUrl" -> getQueueUrl(input);
				case "ListQueues" -> listQueues(input);
				case "DeleteQueue" -> deleteQueue(input);
				case "GetQueueAttributes" -> getQueueAttributes(input);
				case "SetQueueAttributes" -> setQueueAttributes(input);
				case "PurgeQueue" -> purgeQueue(input);
				case "SendMessage" -> sendMessage(input);
				case "SendMessageBatch" -> sendMessageBatch(input);
				case "ReceiveMessage" -> receiveMessage(input);
				case "DeleteMessage" -> deleteMessage(input);
				case "DeleteMessageBatch" -> deleteMessageBatch(input);
				case "ChangeMessageVisibility" -> changeVisibility(input);
				case "ChangeMessageVisibilityBatch" -> changeVisibilityBatch(input);
				case "ListDeadLetterSourceQueues" -> listDeadLetterSources(input);
				case "TagQueue" -> tagQueue(input);
				case "UntagQueue" -> untagQueue(input);
				case "ListQueueTags" -> listQueueTags(input);
				default -> throw new SqsError(400, "InvalidAction", "InvalidAction",
						"The action " + request.targetOperation() + " is not valid for this endpoint.");
			};
			return AwsResponse.amzJson(output);
		}
		catch (AwsException ex) {
			String queryCode = (ex instanceof SqsError sqs) ? sqs.queryCode : ex.code();
			return Protocol.JSON.error(ex, request.requestId())
				.header("x-amzn-query-error", queryCode + ";" + (ex.isSenderFault() ? "Sender" : "Receiver"));
		}
	}

	/** An SQS error: the JSON code ({@code __type}) and the query code the SDK maps it by. */
	static final class SqsError extends AwsException {

		final String queryCode;

		SqsError(int status, String code, String queryCode, String message) {
			super(status, code, message);
			this.queryCode = queryCode;
		}

	}

	private static SqsError noQueue() {
		return new SqsError(400, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
				"The specified queue does not exist.");
	}

	private static SqsError invalidParameter(String message) {
		return new SqsError(400, "InvalidParameterValue", "InvalidParameterValue", message);
	}

	private static String required(JsonNode input, String field) {
		String value = Json.string(input, field);
		if (value == null || value.isEmpty()) {
			throw new SqsError(400, "MissingParameter", "MissingParameter",
					"The request must contain the parameter " + field + ".");
		}
		return value;
	}

	// ---- queues ------------------------------------------------------------------------------------

	private ObjectNode createQueue(JsonNode input) {
		String name = required(input, "QueueName");
		if (!QUEUE_NAME.matcher(name).matches()) {
			throw invalidParameter("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
		}
		Map<String, String> attributes = Json.stringMap(input, "Attributes");
		validateAttributes(attributes);
		if ("true".equals(attributes.get("FifoQueue")) != name.endsWith(".fifo")) {
			throw new SqsError(400, "InvalidParameterValue", "InvalidParameterValue",
					"The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix");
		}
		synchronized (this.queues) {
			SqsQueue existing = this.queues.get(name);
			if (existing != null) {
				for (Map.Entry<String, String> attribute : attributes.entrySet()) {
					if (!attribute.getValue().equals(existing.attributes.get(attribute.getKey()))) {
						throw new SqsError(400, "QueueNameExists", "QueueAlreadyExists",
								"A queue already exists with the same name and a different value for attribute " + attribute.getKey());
					}
				}
				return Json.object().put("QueueUrl", existing.url);
			}
			long now = this.context.clock().millis();
			SqsQueue queue = new SqsQueue(name, url(name),
					this.context.arn("sqs", name), now);
			queue.attributes.putAll(attributes);
			queue.tags.putAll(Json.stringMap(input, "tags"));
			this.queues.put(name, queue);
			return Json.object().put("QueueUrl", queue.url);
		}
	}

	private void validateAttributes(Map<String, String> attributes) {
		for (Map.Entry<String, String> attribute : attributes.entrySet()) {
			String name = attribute.getKey();
			if (!SETTABLE.contains(name)) {
				throw new SqsError(400, "InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
			}
			int[] range = switch (name) {
				case "DelaySeconds" -> new int[] { 0, 900 };
				case "VisibilityTimeout" -> new int[] { 0, 43200 };
				case "ReceiveMessageWaitTimeSeconds" -> new int[] { 0, 20 };
				case "MessageRetentionPeriod" -> new int[] { 60, 1209600 };
				case "MaximumMessageSize" -> new int[] { 1024, 262144 };
				default -> null;
			};
			if (range != null) {
				int value;
				try {
					value = Integer.parseInt(attribute.getValue());
				}
				catch (NumberFormatException ex) {
					value = Integer.MIN_VALUE;
				}
				if (value < range[0] || value > range[1]) {
					throw new SqsError(400, "InvalidAttributeValue", "InvalidAttributeValue",
							"Invalid value for the parameter " + name + ".");
				}
			}
			if ("RedrivePolicy".equals(name) && !attribute.getValue().isEmpty()) {
				JsonNode policy;
				try {
					policy = Json.parse(attribute.getValue());
				}
				catch (RuntimeException ex) {
					policy = null;
				}
				int maxReceives = (policy != null) ? policy.path("maxReceiveCount").asInt(0) : 0;
				if (policy != null && policy.path("maxReceiveCount").isString()) {
					try {
						maxReceives = Integer.parseInt(policy.path("maxReceiveCount").asString());
					}
					catch (NumberFormatException ex) {
						maxReceives = 0;
					}
				}
				if (policy == null || !policy.has("deadLetterTargetArn") || maxReceives < 1 || maxReceives > 1000) {
					throw new SqsError(400, "InvalidAttributeValue", "InvalidAttributeValue",
							"Value " + attribute.getValue() + " for parameter RedrivePolicy is invalid. Reason: Redrive policy needs deadLetterTargetArn and a maxReceiveCount between 1 and 1000.");
				}
			}
		}
	}

	private SqsQueue queue(JsonNode input) {
		return queueByUrl(required(input, "QueueUrl"));
	}

	private SqsQueue queueByUrl(String url) {
		String name = url.substring(url.lastIndexOf('/') + 1);
		SqsQueue queue = this.queues.get(name);
		if (queue == null) {
			throw noQueue();
		}
		return queue;
	}

	private SqsQueue queueByArn(String arn) {
		for (SqsQueue queue : this.queues.values()) {
			if (queue.arn.equals(arn)) {
				return queue;
			}
		}
		return null;
	}

	private ObjectNode getQueueUrl(JsonNode input) {
		SqsQueue queue = this.queues.get(required(input, "QueueName"));
		if (queue == null) {
			throw noQueue();
		}
		return Json.object().put("QueueUrl", queue.url);
	}

	private ObjectNode listQueues(JsonNode input) {
		String prefix = Json.string(input, "QueueNamePrefix");
		ObjectNode output = Json.object();
		ArrayNode urls = Json.array();
		this.queues.values().stream().filter((q) -> prefix == null || q.name.startsWith(prefix))
			.sorted((a, b) -> a.name.compareTo(b.name)).limit(1000).forEach((q) -> urls.add(q.url));
		if (!urls.isEmpty()) {
			output.set("QueueUrls", urls);
		}
		return output;
	}

	private ObjectNode deleteQueue(JsonNode input) {
		SqsQueue queue = queue(input);
		this.queues.remove(queue.name);
		synchronized (queue) {
			queue.notifyAll();
		}
		return Json.object();
	}

	private ObjectNode purgeQueue(JsonNode input) {
		SqsQueue queue = queue(input);
		synchronized (queue) {
			queue.messages.clear();
		}
		return Json.object();
	}

	private ObjectNode getQueueAttributes(JsonNode input) {
		SqsQueue queue = queue(input);
		List<String> names = Json.stringList(input, "AttributeNames");
		Map<String, String> all = new LinkedHashMap<>();
		long now = this.context.clock().millis();
		synchronized (queue) {
			queue.expire(now);
			all.put("QueueArn", queue.arn);
			all.put("ApproximateNumberOfMessages", Integer.toString(queue.visibleCount(now)));
			all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(queue.inFlightCount(now)));
			all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(queue.delayedCount(now)));
			all.put("CreatedTimestamp", Long.toString(queue.createdAt / 1000));
			all.put("LastModifiedTimestamp", Long.toString(queue.modifiedAt / 1000));
			all.putAll(queue.attributes);
		}
		ObjectNode output = Json.object();
		ObjectNode attributes = Json.object();
		for (String name : names) {
			if ("All".equals(name)) {
				all.forEach(attributes::put);
			}
			else if (all.containsKey(name)) {
				attributes.put(name, all.get(name));
			}
			else if (!SETTABLE.contains(name)) {
				throw new SqsError(400, "InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
			}
		}
		if (!attributes.isEmpty()) {
			output.set("Attributes", attributes);
		}
		return output;
	}

	private ObjectNode setQueueAttributes(JsonNode input) {
		SqsQueue queue = queue(input);
		Map<String, String> attributes = Json.stringMap(input, "Attributes");
		validateAttributes(attributes);
		if (attributes.containsKey("FifoQueue") && !attributes.get("FifoQueue").equals(queue.attributes.getOrDefault("FifoQueue", "false"))) {
			throw new SqsError(400, "InvalidAttributeValue", "InvalidAttributeValue", "Invalid value for the parameter FifoQueue: it cannot be changed.");
		}
		synchronized (queue) {
			queue.attributes.putAll(attributes);
			queue.modifiedAt = this.context.clock().millis();
		}
		return Json.object();
	}

	// ---- messages ----------------------------------------------------------------------------------

	private SqsQueue.Message newMessage(SqsQueue queue, JsonNode entry) {
		String body = Json.string(entry, "MessageBody");
		if (body == null || body.isEmpty()) {
			throw new SqsError(400, "MissingParameter", "MissingParameter", "The request must contain the parameter MessageBody.");
		}
		if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > queue.intAttribute("MaximumMessageSize")) {
			throw invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
					+ queue.intAttribute("MaximumMessageSize") + " bytes.");
		}
		String groupId = Json.string(entry, "MessageGroupId");
		if (queue.fifo() && groupId == null) {
			throw new SqsError(400, "MissingParameter", "MissingParameter", "The request must contain the parameter MessageGroupId.");
		}
		String deduplicationId = Json.string(entry, "MessageDeduplicationId");
		if (queue.fifo() && deduplicationId == null) {
			if (!"true".equals(queue.attributes.get("ContentBasedDeduplication"))) {
				throw invalidParameter("The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
			}
			deduplicationId = sha256(body);
		}
		int delay = Json.integer(entry, "DelaySeconds", queue.intAttribute("DelaySeconds"));
		if (delay < 0 || delay > 900) {
			throw invalidParameter("Value " + delay + " for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.");
		}
		JsonNode attributes = entry.get("MessageAttributes");
		if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
			throw invalidParameter("MessageAttributes must be a map of attribute name to value.");
		}
		if (attributes != null && attributes.isObject()) {
			for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
				validateAttribute(attribute.getKey(), attribute.getValue());
			}
		}
		long now = this.context.clock().millis();
		SqsQueue.Message message = new SqsQueue.Message(body,
				(attributes != null && attributes.isObject() && !attributes.isEmpty()) ? attributes : null, now,
				now + delay * 1000L, groupId);
		message.deduplicationId = queue.fifo() ? deduplicationId : null;
		return message;
	}

	private static void validateAttribute(String name, JsonNode value) {
		String type = Json.string(value, "DataType");
		if (type == null || type.isEmpty()) {
			throw invalidParameter("The message attribute '" + name + "' must contain non-empty message attribute type.");
		}
		if (type.startsWith("Binary")) {
			String binary = Json.string(value, "BinaryValue");
			try {
				if (binary == null || java.util.Base64.getDecoder().decode(binary).length == 0) {
					throw invalidParameter("The message attribute '" + name + "' with type 'Binary' must use field 'Binary'.");
				}
			}
			catch (IllegalArgumentException ex) {
				throw invalidParameter("The message attribute '" + name + "' has a BinaryValue that is not base64.");
			}
		}
		else if (type.startsWith("String") || type.startsWith("Number")) {
			String text = Json.string(value, "StringValue");
			if (text == null || text.isEmpty()) {
				throw invalidParameter("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + type + "'.");
			}
			if (type.startsWith("Number")) {
				try {
					new java.math.BigDecimal(text.trim());
				}
				catch (NumberFormatException ex) {
					throw invalidParameter("Can't cast the value of message (user) attribute '" + name + "' to a number.");
				}
			}
		}
		else {
			throw invalidParameter("The type of message (user) attribute '" + name + "' is invalid. You must use only the following supported type prefixes: Binary, Number, String.");
		}
	}

	private static ObjectNode sent(SqsQueue.Message message) {
		ObjectNode output = Json.object();
		output.put("MessageId", message.id);
		output.put("MD5OfMessageBody", message.md5OfBody);
		if (message.md5OfMessageAttributes != null) {
			output.put("MD5OfMessageAttributes", message.md5OfMessageAttributes);
		}
		if (message.sequenceNumber != null) {
			output.put("SequenceNumber", message.sequenceNumber);
		}
		return output;
	}

	/** Adds the message (or, for a FIFO duplicate, nothing) and answers the message SQS reports as sent. */
	private SqsQueue.Message enqueue(SqsQueue queue, SqsQueue.Message message) {
		synchronized (queue) {
			SqsQueue.Message sent = queue.add(message, this.context.clock().millis());
			queue.notifyAll();
			return sent;
		}
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ObjectNode sendMessage(JsonNode input) {
		SqsQueue queue = queue(input);
		return sent(enqueue(queue, newMessage(queue, input)));
	}

	private ObjectNode sendMessageBatch(JsonNode input) {
		SqsQueue queue = queue(input);
		List<JsonNode> entries = batchEntries(input);
		ObjectNode output = Json.object();
		ArrayNode successful = output.putArray("Successful");
		ArrayNode failed = output.putArray("Failed");
		for (JsonNode entry : entries) {
			try {
				successful.add(sent(enqueue(queue, newMessage(queue, entry))).put("Id", entry.path("Id").asString()));
			}
			catch (AwsException ex) {
				failed.addObject().put("Id", entry.path("Id").asString()).put("SenderFault", true)
					.put("Code", ex.code()).put("Message", ex.getMessage());
			}
		}
		return output;
	}

	private static List<JsonNode> batchEntries(JsonNode input) {
		JsonNode entries = input.path("Entries");
		if (!entries.isArray() || entries.isEmpty()) {
			throw new SqsError(400, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
					"There should be at least one SendMessageBatchRequestEntry in the request.");
		}
		if (entries.size() > 10) {
			throw new SqsError(400, "TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
					"Maximum number of entries per request are 10. You have sent " + entries.size() + ".");
		}
		Set<String> ids = new HashSet<>();
		List<JsonNode> list = new ArrayList<>();
		for (JsonNode entry : entries) {
			if (!ids.add(entry.path("Id").asString())) {
				throw new SqsError(400, "BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
						"Id " + entry.path("Id").asString() + " repeated.");
			}
			list.add(entry);
		}
		return list;
	}

	private ObjectNode receiveMessage(JsonNode input) {
		SqsQueue queue = queue(input);
		int max = Json.integer(input, "MaxNumberOfMessages", 1);
		if (max < 1 || max > 10) {
			throw new SqsError(400, "InvalidParameterValue", "InvalidParameterValue",
					"Value " + max + " for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
		}
		int wait = Json.integer(input, "WaitTimeSeconds", queue.intAttribute("ReceiveMessageWaitTimeSeconds"));
		if (wait < 0 || wait > MAX_WAIT_SECONDS) {
			throw invalidParameter("Value " + wait + " for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.");
		}
		int visibility = Json.integer(input, "VisibilityTimeout", -1);
		Set<String> systemNames = new HashSet<>(Json.stringList(input, "AttributeNames"));
		systemNames.addAll(Json.stringList(input, "MessageSystemAttributeNames"));
		List<String> attributeNames = Json.stringList(input, "MessageAttributeNames");

		List<SqsQueue.Message> received = receive(queue, max, visibility, wait * 1000L);
		ObjectNode output = Json.object();
		if (!received.isEmpty()) {
			ArrayNode messages = output.putArray("Messages");
			for (SqsQueue.Message message : received) {
				ObjectNode out = messages.addObject();
				out.put("MessageId", message.id);
				out.put("ReceiptHandle", message.receiptHandle);
				out.put("MD5OfBody", message.md5OfBody);
				out.put("Body", message.body);
				Map<String, String> system = systemAttributes(message);
				ObjectNode attributes = Json.object();
				system.forEach((name, value) -> {
					if (systemNames.contains("All") || systemNames.contains(name)) {
						attributes.put(name, value);
					}
				});
				if (!attributes.isEmpty()) {
					out.set("Attributes", attributes);
				}
				ObjectNode selected = selectAttributes(message.messageAttributes, attributeNames);
				if (!selected.isEmpty()) {
					out.put("MD5OfMessageAttributes", MessageDigests.md5OfAttributes(selected));
					out.set("MessageAttributes", selected);
				}
			}
		}
		return output;
	}

	/** Receives, waiting up to {@code waitMillis} for a first message (long polling). */
	private List<SqsQueue.Message> receive(SqsQueue queue, int max, int visibilitySeconds, long waitMillis) {
		long deadline = System.nanoTime() + waitMillis * 1_000_000L;
		synchronized (queue) {
			while (true) {
				long now = this.context.clock().millis();
				queue.expire(now);
				int visibility = (visibilitySeconds >= 0) ? visibilitySeconds : queue.intAttribute("VisibilityTimeout");
				redrive(queue, now);
				List<SqsQueue.Message> received = queue.receive(max, visibility * 1000L, now);
				long remaining = (deadline - System.nanoTime()) / 1_000_000L;
				if (!received.isEmpty() || remaining <= 0 || !this.queues.containsKey(queue.name)) {
					return received;
				}
				// also wake up for delayed or hidden messages becoming visible
				long nextVisible = queue.messages.stream().mapToLong((m) -> m.visibleAt - now).filter((d) -> d > 0).min().orElse(remaining);
				try {
					queue.wait(Math.max(1, Math.min(remaining, nextVisible)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return List.of();
				}
			}
		}
	}

	/** Moves visible messages received maxReceiveCount times to the dead-letter queue. */
	private void redrive(SqsQueue queue, long now) {
		String policyText = queue.attributes.get("RedrivePolicy");
		if (policyText == null || policyText.isEmpty()) {
			return;
		}
		JsonNode policy = Json.parse(policyText);
		int maxReceives = policy.path("maxReceiveCount").asInt(Integer.MAX_VALUE);
		SqsQueue deadLetters = queueByArn(policy.path("deadLetterTargetArn").asString());
		if (deadLetters == null || deadLetters == queue) {
			return;
		}
		List<SqsQueue.Message> moved = new ArrayList<>();
		queue.messages.removeIf((m) -> {
			if (m.visibleAt <= now && m.receiveCount >= maxReceives) {
				moved.add(m);
				return true;
			}
			return false;
		});
		for (SqsQueue.Message message : moved) {
			message.receiptHandle = null;
			message.visibleAt = now;
			enqueue(deadLetters, message);
		}
	}

	private Map<String, String> systemAttributes(SqsQueue.Message message) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount));
		attributes.put("SentTimestamp", Long.toString(message.sentAt));
		attributes.put("SenderId", this.context.accountId());
		attributes.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt));
		if (message.messageGroupId != null) {
			attributes.put("MessageGroupId", message.messageGroupId);
		}
		return attributes;
	}

	private static ObjectNode selectAttributes(JsonNode attributes, List<String> names) {
		ObjectNode selected = Json.object();
		if (attributes == null) {
			return selected;
		}
		for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
			String name = attribute.getKey();
			boolean wanted = names.stream().anyMatch((n) -> n.equals("All") || n.equals(".*") || n.equals(name)
					|| (n.endsWith(".*") && name.startsWith(n.substring(0, n.length() - 1))));
			if (wanted) {
				selected.set(name, attribute.getValue());
			}
		}
		return selected;
	}

	private ObjectNode deleteMessage(JsonNode input) {
		SqsQueue queue = queue(input);
		delete(queue, required(input, "ReceiptHandle"));
		return Json.object();
	}

	private void delete(SqsQueue queue, String receiptHandle) {
		if (!SqsQueue.wellFormedReceipt(receiptHandle)) {
			throw new SqsError(400, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
					"The input receipt handle \"" + receiptHandle + "\" is not a valid receipt handle.");
		}
		String messageId = receiptHandle.substring(receiptHandle.indexOf('#') + 1);
		synchronized (queue) {
			// as in SQS, an older receipt handle of a message still deletes it
			queue.messages.removeIf((m) -> m.id.equals(messageId));
			queue.notifyAll();
		}
	}

	private ObjectNode deleteMessageBatch(JsonNode input) {
		SqsQueue queue = queue(input);
		ObjectNode output = Json.object();
		ArrayNode successful = output.putArray("Successful");
		ArrayNode failed = output.putArray("Failed");
		for (JsonNode entry : batchEntries(input)) {
			try {
				delete(queue, Json.string(entry, "ReceiptHandle"));
				successful.addObject().put("Id", entry.path("Id").asString());
			}
			catch (AwsException ex) {
				failed.addObject().put("Id", entry.path("Id").asString()).put("SenderFault", true)
					.put("Code", ex.code()).put("Message", ex.getMessage());
			}
		}
		return output;
	}

	private ObjectNode changeVisibility(JsonNode input) {
		SqsQueue queue = queue(input);
		String receiptHandle = required(input, "ReceiptHandle");
		int timeout = Json.integer(input, "VisibilityTimeout", -1);
		if (timeout < 0 || timeout > 43200) {
			throw invalidParameter("Value " + timeout + " for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.");
		}
		synchronized (queue) {
			SqsQueue.Message message = queue.byReceipt(receiptHandle);
			if (message == null) {
				throw new SqsError(400, "MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
						"Value " + receiptHandle + " for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.");
			}
			message.visibleAt = this.context.clock().millis() + timeout * 1000L;
			queue.notifyAll();
		}
		return Json.object();
	}

	private ObjectNode changeVisibilityBatch(JsonNode input) {
		SqsQueue queue = queue(input);
		ObjectNode output = Json.object();
		ArrayNode successful = output.putArray("Successful");
		ArrayNode failed = output.putArray("Failed");
		for (JsonNode entry : batchEntries(input)) {
			try {
				ObjectNode single = Json.object();
				single.put("QueueUrl", queue.url);
				single.set("ReceiptHandle", entry.get("ReceiptHandle"));
				single.set("VisibilityTimeout", entry.get("VisibilityTimeout"));
				changeVisibility(single);
				successful.addObject().put("Id", entry.path("Id").asString());
			}
			catch (AwsException ex) {
				failed.addObject().put("Id", entry.path("Id").asString()).put("SenderFault", true)
					.put("Code", ex.code()).put("Message", ex.getMessage());
			}
		}
		return output;
	}

	/** The queues whose RedrivePolicy names this queue as their dead-letter queue. */
	private ObjectNode listDeadLetterSources(JsonNode input) {
		SqsQueue target = queue(input);
		ObjectNode output = Json.object();
		ArrayNode urls = output.putArray("queueUrls");
		for (SqsQueue queue : this.queues.values()) {
			String policy = queue.attributes.get("RedrivePolicy");
			if (policy != null && !policy.isEmpty() && target.arn.equals(Json.parse(policy).path("deadLetterTargetArn").asString())) {
				urls.add(queue.url);
			}
		}
		return output;
	}

	private ObjectNode tagQueue(JsonNode input) {
		SqsQueue queue = queue(input);
		synchronized (queue) {
			queue.tags.putAll(Json.stringMap(input, "Tags"));
		}
		return Json.object();
	}

	private ObjectNode untagQueue(JsonNode input) {
		SqsQueue queue = queue(input);
		synchronized (queue) {
			Json.stringList(input, "TagKeys").forEach(queue.tags::remove);
		}
		return Json.object();
	}

	private ObjectNode listQueueTags(JsonNode input) {
		SqsQueue queue = queue(input);
		ObjectNode output = Json.object();
		synchronized (queue) {
			if (!queue.tags.isEmpty()) {
				output.set("Tags", Json.tree(queue.tags));
			}
		}
		return output;
	}

	// ---- for other services: delivery (EventSink) and polling (QueueSource) --------------------------

	@Override
	public boolean acceptsArn(String arn) {
		return arn.startsWith("arn:aws:sqs:");
	}

	/** Sends {@code event} as a message body (what SNS, S3 and rule targets do). */
	@Override
	public void deliver(String arn, String event) {
		SqsQueue queue = queueByArn(arn);
		if (queue == null) {
			throw noQueue();
		}
		ObjectNode entry = Json.object().put("MessageBody", event);
		if (queue.fifo()) {
			entry.put("MessageGroupId", "default").put("MessageDeduplicationId", java.util.UUID.randomUUID().toString());
		}
		enqueue(queue, newMessage(queue, entry));
	}

	/** Sends a message with message attributes (wire form), for SNS raw delivery. */
	public void deliver(String arn, String body, JsonNode messageAttributes) {
		deliver(arn, body, messageAttributes, null, null);
	}

	/**
	 * Sends a message with message attributes (wire form) and, for FIFO queues, the group and
	 * deduplication ids it came with (SNS FIFO topics); other senders get a group of their own.
	 */
	public void deliver(String arn, String body, JsonNode messageAttributes, String groupId, String deduplicationId) {
		SqsQueue queue = queueByArn(arn);
		if (queue == null) {
			throw noQueue();
		}
		ObjectNode entry = Json.object().put("MessageBody", body);
		if (messageAttributes != null && !messageAttributes.isEmpty()) {
			entry.set("MessageAttributes", messageAttributes);
		}
		if (queue.fifo()) {
			entry.put("MessageGroupId", (groupId != null) ? groupId : "default").put("MessageDeduplicationId",
					(deduplicationId != null) ? deduplicationId : java.util.UUID.randomUUID().toString());
		}
		enqueue(queue, newMessage(queue, entry));
	}

	/**
	 * Why the queue's access policy does not let {@code service} (e.g. {@code sns.amazonaws.com}) send
	 * to it for {@code sourceArn}, or null when it does (see {@link QueuePolicies}).
	 */
	public String sendRefusal(String queueArn, String service, String sourceArn) {
		SqsQueue queue = queueByArn(queueArn);
		if (queue == null) {
			return "the queue does not exist";
		}
		String account = sourceArn.split(":").length > 4 ? sourceArn.split(":")[4] : "";
		return QueuePolicies.refusal(queue.attributes.get("Policy"), queueArn, service, sourceArn, account);
	}

	@Override
	public boolean ownsQueue(String arn) {
		return acceptsArn(arn);
	}

	@Override
	public boolean queueExists(String arn) {
		return queueByArn(arn) != null;
	}

	@Override
	public List<QueueMessage> receive(String arn, int max) {
		SqsQueue queue = queueByArn(arn);
		if (queue == null) {
			return List.of();
		}
		List<QueueMessage> result = new ArrayList<>();
		for (SqsQueue.Message message : receive(queue, max, -1, 0)) {
			ObjectNode eventAttributes = Json.object();
			if (message.messageAttributes != null) {
				for (Map.Entry<String, JsonNode> attribute : message.messageAttributes.properties()) {
					ObjectNode value = eventAttributes.putObject(attribute.getKey());
					JsonNode wire = attribute.getValue();
					value.put("stringValue", Json.string(wire, "StringValue"));
					value.put("binaryValue", Json.string(wire, "BinaryValue"));
					value.putArray("stringListValues");
					value.putArray("binaryListValues");
					value.put("dataType", Json.string(wire, "DataType"));
				}
			}
			result.add(new QueueMessage(message.id, message.receiptHandle, message.body, systemAttributes(message),
					eventAttributes, message.md5OfBody));
		}
		return result;
	}

	@Override
	public void delete(String arn, String receiptHandle) {
		SqsQueue queue = queueByArn(arn);
		if (queue != null && SqsQueue.wellFormedReceipt(receiptHandle)) {
			delete(queue, receiptHandle);
		}
	}

	// ---- persistence ----------------------------------------------------------------------------------

	@Override
	public JsonNode saveState() {
		ArrayNode state = Json.array();
		for (SqsQueue queue : this.queues.values()) {
			synchronized (queue) {
				ObjectNode saved = state.addObject();
				saved.put("name", queue.name);
				saved.put("url", queue.url);
				saved.put("arn", queue.arn);
				saved.put("createdAt", queue.createdAt);
				saved.set("attributes", Json.tree(queue.attributes));
				saved.set("tags", Json.tree(queue.tags));
				ArrayNode messages = saved.putArray("messages");
				for (SqsQueue.Message message : queue.messages) {
					ObjectNode m = messages.addObject();
					m.put("id", message.id);
					m.put("body", message.body);
					m.set("messageAttributes", message.messageAttributes);
					m.put("sentAt", message.sentAt);
					m.put("messageGroupId", message.messageGroupId);
					m.put("receiveCount", message.receiveCount);
				}
			}
		}
		return state;
	}

	@Override
	public void loadState(JsonNode state) {
		this.queues.clear();
		for (JsonNode saved : state) {
			SqsQueue queue = new SqsQueue(saved.path("name").asString(), saved.path("url").asString(),
					saved.path("arn").asString(), saved.path("createdAt").asLong());
			queue.attributes.putAll(Json.stringMap(saved, "attributes"));
			queue.tags.putAll(Json.stringMap(saved, "tags"));
			for (JsonNode m : saved.path("messages")) {
				JsonNode attributes = m.get("messageAttributes");
				SqsQueue.Message message = new SqsQueue.Message(m.path("id").asString(), m.path("body").asString(),
						(attributes != null && attributes.isObject()) ? attributes : null, m.path("sentAt").asLong(), 0,
						Json.string(m, "messageGroupId"));
				message.receiveCount = m.path("receiveCount").asInt();
				queue.messages.add(message);
			}
			this.queues.put(queue.name, queue);
		}
	}

}
