package io.serverlessspring.shell.model;

import java.util.List;

import io.serverlessspring.boot.naming.Arns;

/**
 * One event source of the manifest ({@code eventHandlers[]}) as it should be wired to the live
 * alias: a mapping Lambda polls (SQS, DynamoDB, Kinesis) or a source that pushes (SNS, S3, an
 * EventBridge rule).
 *
 * @param id the handler id from the manifest
 * @param type {@code sqs}, {@code dynamodb}, {@code kinesis}, {@code sns}, {@code s3} or {@code eventbridge}
 * @param sourceArn the queue, stream, topic, bucket or event bus ARN (a DynamoDB table's ARN until its stream is read)
 * @param batchSize records per invocation, or {@code null} for Lambda's default
 * @param batchWindowSeconds how long to gather a batch, or {@code null}
 * @param startingPosition {@code LATEST} / {@code TRIM_HORIZON} for streams, else {@code null}
 * @param reportBatchItemFailures whether the function reports failed records individually
 * @param enabled whether the source delivers
 * @param filter the mapping's filter pattern or the rule's event pattern (JSON text), or {@code null}
 * @param events S3 event names, e.g. {@code s3:ObjectCreated:*}
 * @param prefix S3 key prefix filter, or {@code null}
 * @param suffix S3 key suffix filter, or {@code null}
 * @param deadLetterArn eventbridge: the SQS queue the rule's target sends undeliverable events to, or {@code null}
 * @param streamViewType dynamodb: the view type deploy enables a streamless table's stream with, or
 *        {@code null} (not asked: a table without a stream is not connected)
 */
public record EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
		String startingPosition, boolean reportBatchItemFailures, boolean enabled, String filter, List<String> events,
		String prefix, String suffix, String deadLetterArn, String streamViewType) {

	/** A source without a rule dead-letter queue or stream enabling. */
	public EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
			String startingPosition, boolean reportBatchItemFailures, boolean enabled, String filter, List<String> events,
			String prefix, String suffix) {
		this(id, type, sourceArn, batchSize, batchWindowSeconds, startingPosition, reportBatchItemFailures, enabled,
				filter, events, prefix, suffix, null, null);
	}

	/** The pattern of a rule whose handler names none: every event on the bus. */
	public static final String EVERY_EVENT = "{\"source\":[{\"prefix\":\"\"}]}";

	/** A mapping with a filter. */
	public EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
			String startingPosition, boolean reportBatchItemFailures, boolean enabled, String filter) {
		this(id, type, sourceArn, batchSize, batchWindowSeconds, startingPosition, reportBatchItemFailures, enabled,
				filter, List.of(), null, null);
	}

	/** A mapping without a filter. */
	public EventSourceSpec(String id, String type, String sourceArn, Integer batchSize, Integer batchWindowSeconds,
			String startingPosition, boolean reportBatchItemFailures, boolean enabled) {
		this(id, type, sourceArn, batchSize, batchWindowSeconds, startingPosition, reportBatchItemFailures, enabled, null);
	}

	/** Whether Lambda polls this source with an event source mapping. */
	public boolean mapping() {
		return "sqs".equals(this.type) || "dynamodb".equals(this.type) || "kinesis".equals(this.type);
	}

	/** A DynamoDB table named by its table ARN: its stream ARN is read from AWS. */
	public boolean needsStream() {
		return "dynamodb".equals(this.type) && !this.sourceArn.contains("/stream/");
	}

	/** The statement id of the permission letting a pushing source (SNS, S3) invoke the alias. */
	public String permissionId() {
		String key = Arns.resourceName(this.sourceArn).replaceAll("[^A-Za-z0-9_-]", "-");
		String id = "serverless-" + this.type + "-" + key;
		return (id.length() <= 100) ? id : id.substring(0, 100);
	}

	/** The id of an S3 notification configuration the console owns. */
	public String notificationId() {
		String id = "serverless-" + this.id.replaceAll("[^A-Za-z0-9_.-]", "-");
		return (id.length() <= 64) ? id : id.substring(0, 64);
	}

	public EventSourceSpec withSource(String resolved) {
		return new EventSourceSpec(this.id, this.type, resolved, this.batchSize, this.batchWindowSeconds,
				this.startingPosition, this.reportBatchItemFailures, this.enabled, this.filter, this.events, this.prefix,
				this.suffix, this.deadLetterArn, this.streamViewType);
	}

}
