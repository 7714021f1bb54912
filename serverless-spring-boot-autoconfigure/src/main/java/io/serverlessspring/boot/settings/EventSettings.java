package io.serverlessspring.boot.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code serverless.events.*}: AWS event sources bound by properties, e.g. an SQS queue to a
 * Spring Cloud Function bean. Owned by the runtime; the console creates the sources.
 */
public class EventSettings {

	/** Event handlers by id: each binds one event source to a function bean or a {@code bean#method}. */
	private Map<String, Handler> handlers = new LinkedHashMap<>();

	/**
	 * Whether deploy creates the SQS queues the stage's event handlers read (and undeploy removes
	 * them), as it does the task queue: for local and throw-away stages whose queues nobody else makes.
	 */
	private boolean createQueues;

	public boolean isCreateQueues() {
		return this.createQueues;
	}

	public void setCreateQueues(boolean createQueues) {
		this.createQueues = createQueues;
	}

	public Map<String, Handler> getHandlers() {
		return this.handlers;
	}

	public void setHandlers(Map<String, Handler> handlers) {
		this.handlers = handlers;
	}

	/** One event source bound to one target. */
	public static class Handler {

		/** The kind of source: s3, sns, sqs, dynamodb, kinesis, eventbridge, logs, cognito or lex. */
		private String type;

		/** Bucket (s3), topic (sns), queue (sqs), table or stream ARN (dynamodb), stream (kinesis), bus (eventbridge), log group (logs), user pool id (cognito) or bot alias ARN (lex); a name or an ARN. */
		private String source;

		/** What handles the events: a Spring Cloud Function definition ({@code uppercase}, {@code a|b}) or {@code bean#method}. */
		private String target;

		/** Records per batch (event source mapping); 0 means the AWS default. */
		private int batchSize;

		/** How long the event source mapping gathers records before invoking. */
		private Duration batchWindow = Duration.ZERO;

		/** Where a stream (dynamodb, kinesis) starts: LATEST or TRIM_HORIZON. */
		private String startingPosition = "LATEST";

		/** Whether failed records of a batch are reported (sqs, dynamodb, kinesis) so only they are retried. */
		private boolean reportBatchItemFailures = true;

		/** S3 notification events, e.g. {@code s3:ObjectCreated:*}; for cognito, the one trigger, e.g. {@code PreSignUp}. */
		private List<String> events = new ArrayList<>();

		/** S3 key prefix filter. */
		private String prefix;

		/** S3 key suffix filter. */
		private String suffix;

		/** EventBridge event pattern as JSON, e.g. {@code {"source":["petstore.orders"]}}. */
		private String pattern;

		/** Whether the source is created enabled. */
		private boolean enabled = true;

		/** CloudWatch Logs filter pattern of a logs subscription, e.g. {@code ERROR}; empty: every log event. */
		private String filterPattern;

		public String getFilterPattern() {
			return this.filterPattern;
		}

		public void setFilterPattern(String filterPattern) {
			this.filterPattern = filterPattern;
		}

		/** EventBridge: the SQS queue (name or ARN) the rule's target sends events it could not deliver to. */
		private String deadLetterQueue;

		/** DynamoDB: whether deploy enables the table's stream (with stream-view-type) when it has none. */
		private boolean enableStream;

		/** DynamoDB: the view type of a stream deploy enables: NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY. */
		private String streamViewType = "NEW_AND_OLD_IMAGES";

		public String getDeadLetterQueue() {
			return this.deadLetterQueue;
		}

		public void setDeadLetterQueue(String deadLetterQueue) {
			this.deadLetterQueue = deadLetterQueue;
		}

		public boolean isEnableStream() {
			return this.enableStream;
		}

		public void setEnableStream(boolean enableStream) {
			this.enableStream = enableStream;
		}

		public String getStreamViewType() {
			return this.streamViewType;
		}

		public void setStreamViewType(String streamViewType) {
			this.streamViewType = streamViewType;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public String getSource() {
			return this.source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getBatchWindow() {
			return this.batchWindow;
		}

		public void setBatchWindow(Duration batchWindow) {
			this.batchWindow = batchWindow;
		}

		public String getStartingPosition() {
			return this.startingPosition;
		}

		public void setStartingPosition(String startingPosition) {
			this.startingPosition = startingPosition;
		}

		public boolean isReportBatchItemFailures() {
			return this.reportBatchItemFailures;
		}

		public void setReportBatchItemFailures(boolean reportBatchItemFailures) {
			this.reportBatchItemFailures = reportBatchItemFailures;
		}

		public List<String> getEvents() {
			return this.events;
		}

		public void setEvents(List<String> events) {
			this.events = events;
		}

		public String getPrefix() {
			return this.prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		public String getSuffix() {
			return this.suffix;
		}

		public void setSuffix(String suffix) {
			this.suffix = suffix;
		}

		public String getPattern() {
			return this.pattern;
		}

		public void setPattern(String pattern) {
			this.pattern = pattern;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
