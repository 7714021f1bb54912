package io.serverlessspring.shell.model;

/**
 * An event source mapping: Lambda polls a queue or stream and invokes the live alias.
 *
 * @param id the handler id from the manifest
 * @param type {@code sqs}, {@code dynamodb} or {@code kinesis}
 * @param sourceArn the queue or stream ARN
 * @param batchSize records per invocation, or {@code null} for Lambda's default
 * @param batchWindowSeconds how long to gather a batch, or {@code null}
 * @param startingPosition {@code LATEST} / {@code TRIM_HORIZON} for streams, else {@code null}
 * @param reportBatchItemFailures whether the function reports failed records individually
 * @param enabled whether the mapping polls
 * @param filter the mapping's filter pattern (JSON text, the manifest's {@code filter}), or {@code null}
 */
public record EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
		String startingPosition, boolean reportBatchItemFailures, boolean enabled, String filter) {

	/** Without a filter. */
	public EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
			String startingPosition, boolean reportBatchItemFailures, boolean enabled) {
		this(id, type, sourceArn, batchSize, batchWindowSeconds, startingPosition, reportBatchItemFailures, enabled, null);
	}

}
