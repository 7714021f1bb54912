package io.serverlessspring.local.sqs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One queue: attributes, tags and messages in arrival order. A message is visible when its
 * {@code visibleAt} has passed; receiving hides it until now + visibility timeout and gives it a new
 * receipt handle. Callers synchronise on the queue.
 */
final class SqsQueue {

	/** A message and its delivery state. */
	static final class Message {

		final String id;

		final String body;

		final String md5OfBody;

		final JsonNode messageAttributes;

		final String md5OfMessageAttributes;

		final long sentAt;

		final String messageGroupId;

		/** FIFO: the deduplication id and the sequence number SQS gave the message. */
		String deduplicationId;

		String sequenceNumber;

		long visibleAt;

		int receiveCount;

		long firstReceivedAt;

		String receiptHandle;

		Message(String body, JsonNode messageAttributes, long sentAt, long visibleAt, String messageGroupId) {
			this(UUID.randomUUID().toString(), body, messageAttributes, sentAt, visibleAt, messageGroupId);
		}

		Message(String id, String body, JsonNode messageAttributes, long sentAt, long visibleAt, String messageGroupId) {
			this.id = id;
			this.body = body;
			this.md5OfBody = MessageDigests.md5Hex(body);
			this.messageAttributes = messageAttributes;
			this.md5OfMessageAttributes = MessageDigests.md5OfAttributes(messageAttributes);
			this.sentAt = sentAt;
			this.visibleAt = visibleAt;
			this.messageGroupId = messageGroupId;
		}

	}

	final String name;

	/** The queue URL; rewritten on start, as the port may differ after a restart. */
	String url;

	final String arn;

	final long createdAt;

	long modifiedAt;

	/** Attributes as set (VisibilityTimeout, DelaySeconds, RedrivePolicy, …), strings as on the wire. */
	final Map<String, String> attributes = new LinkedHashMap<>();

	final Map<String, String> tags = new LinkedHashMap<>();

	final List<Message> messages = new ArrayList<>();

	/** FIFO: messages sent in the last five minutes, by deduplication id. */
	final Map<String, Message> recentlySent = new LinkedHashMap<>();

	long nextSequenceNumber = 1;

	static final long DEDUPLICATION_MILLIS = 5 * 60 * 1000;

	/**
	 * Adds a message; on a FIFO queue, a deduplication id seen in the last five minutes adds nothing
	 * and answers the first message, as SQS does.
	 */
	Message add(Message message, long now) {
		if (fifo() && message.deduplicationId != null) {
			this.recentlySent.values().removeIf((m) -> m.sentAt + DEDUPLICATION_MILLIS <= now);
			Message first = this.recentlySent.get(message.deduplicationId);
			if (first != null) {
				return first;
			}
			message.sequenceNumber = String.format("%020d", this.nextSequenceNumber++);
			this.recentlySent.put(message.deduplicationId, message);
		}
		this.messages.add(message);
		return message;
	}

	SqsQueue(String name, String url, String arn, long now) {
		this.name = name;
		this.url = url;
		this.arn = arn;
		this.createdAt = now;
		this.modifiedAt = now;
		this.attributes.put("VisibilityTimeout", "30");
		this.attributes.put("DelaySeconds", "0");
		this.attributes.put("MaximumMessageSize", "262144");
		this.attributes.put("MessageRetentionPeriod", "345600");
		this.attributes.put("ReceiveMessageWaitTimeSeconds", "0");
		if (name.endsWith(".fifo")) {
			this.attributes.put("FifoQueue", "true");
			this.attributes.put("ContentBasedDeduplication", "false");
		}
	}

	int intAttribute(String name) {
		return Integer.parseInt(this.attributes.getOrDefault(name, "0"));
	}

	boolean fifo() {
		return "true".equals(this.attributes.get("FifoQueue"));
	}

	/** Drops messages past the retention period. */
	void expire(long now) {
		long retention = intAttribute("MessageRetentionPeriod") * 1000L;
		this.messages.removeIf((m) -> m.sentAt + retention <= now);
	}

	int visibleCount(long now) {
		return (int) this.messages.stream().filter((m) -> m.visibleAt <= now).count();
	}

	int inFlightCount(long now) {
		return (int) this.messages.stream().filter((m) -> m.visibleAt > now && m.receiveCount > 0).count();
	}

	int delayedCount(long now) {
		return (int) this.messages.stream().filter((m) -> m.visibleAt > now && m.receiveCount == 0).count();
	}

	/** Takes up to {@code max} visible messages, hiding them for {@code visibilityMillis}. */
	List<Message> receive(int max, long visibilityMillis, long now) {
		List<Message> received = new ArrayList<>();
		java.util.Set<String> busyGroups = new java.util.HashSet<>();
		if (fifo()) {
			// a FIFO group with a message in flight delivers nothing more until it is deleted
			this.messages.stream().filter((m) -> m.visibleAt > now && m.receiveCount > 0)
				.forEach((m) -> busyGroups.add(m.messageGroupId));
		}
		for (Iterator<Message> it = this.messages.iterator(); it.hasNext() && received.size() < max;) {
			Message message = it.next();
			if (message.visibleAt > now || busyGroups.contains(message.messageGroupId)) {
				continue;
			}
			message.receiveCount++;
			if (message.firstReceivedAt == 0) {
				message.firstReceivedAt = now;
			}
			message.visibleAt = now + visibilityMillis;
			message.receiptHandle = UUID.randomUUID() + "#" + message.id;
			received.add(message);
		}
		return received;
	}

	/** The message a receipt handle was issued for (only the latest handle of a message is valid for visibility). */
	Message byReceipt(String receiptHandle) {
		for (Message message : this.messages) {
			if (receiptHandle.equals(message.receiptHandle)) {
				return message;
			}
		}
		return null;
	}

	static boolean wellFormedReceipt(String receiptHandle) {
		return receiptHandle != null && receiptHandle.indexOf('#') > 0;
	}

}
