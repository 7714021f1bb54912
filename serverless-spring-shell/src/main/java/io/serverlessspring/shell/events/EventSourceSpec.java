package io.serverlessspring.shell.events;

import java.util.List;

/**
 * One event source of the manifest ({@code eventHandlers[]}) as it should be wired to the live alias.
 *
 * @param id the handler's id (for messages)
 * @param type {@code sqs}, {@code dynamodb}, {@code kinesis}, {@code sns} or {@code s3}
 * @param source the queue/stream/topic ARN, or the bucket name (s3); a DynamoDB table name until resolved
 * @param batchSize records per batch, or {@code null} for Lambda's default
 * @param batchWindowSeconds how long Lambda gathers records (0: none)
 * @param startingPosition {@code LATEST} or {@code TRIM_HORIZON} (streams), else {@code null}
 * @param reportBatchItemFailures whether the function reports partial batch failures
 * @param filter the filter (JSON text) of a mapping, or {@code null}
 * @param events S3 event names, e.g. {@code s3:ObjectCreated:*}
 * @param prefix S3 key prefix filter, or {@code null}
 * @param suffix S3 key suffix filter, or {@code null}
 * @param enabled whether the source delivers
 */
public record EventSourceSpec(String id, String type, String source, Integer batchSize, int batchWindowSeconds,
		String startingPosition, boolean reportBatchItemFailures, String filter, List<String> events, String prefix,
		String suffix, boolean enabled) {

	/** Whether Lambda polls this source with an event source mapping. */
	public boolean mapping() {
		return "sqs".equals(this.type) || "dynamodb".equals(this.type) || "kinesis".equals(this.type);
	}

	/** The statement id of the permission letting a pushing source (SNS, S3) invoke the alias. */
	public String permissionId() {
		String key = this.source.substring(this.source.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9_-]", "-");
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
				this.startingPosition, this.reportBatchItemFailures, this.filter, this.events, this.prefix, this.suffix,
				this.enabled);
	}

}
