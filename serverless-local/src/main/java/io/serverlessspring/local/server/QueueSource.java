package io.serverlessspring.local.server;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A service whose queues Lambda event source mappings poll (SQS). Receiving hides messages for the
 * queue's visibility timeout, as SQS does; the poller deletes those the function processed.
 */
public interface QueueSource {

	/** Whether {@code arn} names a queue of this service. */
	boolean ownsQueue(String arn);

	/** Whether that queue exists now. */
	boolean queueExists(String arn);

	/** Up to {@code max} visible messages, now hidden for the visibility timeout; empty when none. */
	List<QueueMessage> receive(String arn, int max);

	/** Deletes a received message; an unknown handle is ignored. */
	void delete(String arn, String receiptHandle);

	/**
	 * A received message, with what a Lambda SQS event record carries.
	 *
	 * @param attributes system attributes (ApproximateReceiveCount, SentTimestamp, SenderId,
	 * ApproximateFirstReceiveTimestamp, …) as strings
	 * @param messageAttributes the message attributes in the event's shape ({@code {"name":
	 * {"stringValue":…,"dataType":…}}}), or an empty object
	 */
	record QueueMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
			JsonNode messageAttributes, String md5OfBody) {
	}

}
