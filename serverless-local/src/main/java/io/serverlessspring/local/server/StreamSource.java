package io.serverlessspring.local.server;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A service whose change streams Lambda event source mappings read (DynamoDB streams): records in
 * order, each with its sequence number; readers keep their own position (shard iterator).
 */
public interface StreamSource {

	/** Whether {@code arn} names a stream of this service. */
	boolean ownsStream(String arn);

	/** Whether that stream exists (its table exists with the stream enabled). */
	boolean streamExists(String arn);

	/** The position to start after: {@code TRIM_HORIZON} the oldest kept record, {@code LATEST} the newest. */
	long position(String arn, String startingPosition);

	/** Up to {@code max} records after {@code position}, oldest first, as a Lambda event carries them. */
	List<StreamRecord> records(String arn, long position, int max);

	/** One change record and its sequence number. */
	record StreamRecord(long sequence, JsonNode eventRecord) {
	}

}
