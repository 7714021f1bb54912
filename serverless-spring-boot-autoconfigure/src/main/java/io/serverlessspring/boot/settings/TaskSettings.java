package io.serverlessspring.boot.settings;

import java.time.Duration;

/** {@code serverless.tasks.*}: {@code @ServerlessTask} execution. Owned by the runtime. */
public class TaskSettings {

	/** How tasks reach the function when deployed: lambda (an Event invoke of itself), sns or sqs. */
	private Source source = Source.LAMBDA;

	/** How a task runs when not deployed (local run, tests): async on the task executor, or sync on the caller's thread. */
	private LocalMode localMode = LocalMode.ASYNC;

	/** DynamoDB table holding captured task responses. Default: {@code <function name>-tasks}. */
	private String responseTable;

	/** How long a captured response is kept after its last update (the table's TTL attribute). */
	private Duration responseTtl = Duration.ofMinutes(10);

	/** Name of the SNS topic for the sns source. Default: {@code <function name>-tasks}. */
	private String snsTopic;

	/** ARN of the SNS topic for the sns source; set by the console on the function (SERVERLESS_TASKS_SNSTOPICARN). */
	private String snsTopicArn;

	/** Name of the SQS queue for the sqs source. Default: {@code <function name>-tasks}. */
	private String sqsQueue;

	/** URL of the SQS queue for the sqs source; set by the console on the function (SERVERLESS_TASKS_SQSQUEUEURL). */
	private String sqsQueueUrl;

	/** Where tasks are sent. */
	public enum Source {

		/** An asynchronous (Event) invoke of the function itself. */
		LAMBDA,

		/** A message on an SNS topic the function subscribes to. */
		SNS,

		/** A message on an SQS queue mapped to the function. */
		SQS

	}

	/** How tasks run outside Lambda. */
	public enum LocalMode {

		/** On the application's task executor; the caller returns at once. */
		ASYNC,

		/** On the caller's thread, before the call returns. */
		SYNC

	}

	public Source getSource() {
		return this.source;
	}

	public void setSource(Source source) {
		this.source = source;
	}

	public LocalMode getLocalMode() {
		return this.localMode;
	}

	public void setLocalMode(LocalMode localMode) {
		this.localMode = localMode;
	}

	public String getResponseTable() {
		return this.responseTable;
	}

	public void setResponseTable(String responseTable) {
		this.responseTable = responseTable;
	}

	public Duration getResponseTtl() {
		return this.responseTtl;
	}

	public void setResponseTtl(Duration responseTtl) {
		this.responseTtl = responseTtl;
	}

	public String getSnsTopic() {
		return this.snsTopic;
	}

	public void setSnsTopic(String snsTopic) {
		this.snsTopic = snsTopic;
	}

	public String getSnsTopicArn() {
		return this.snsTopicArn;
	}

	public void setSnsTopicArn(String snsTopicArn) {
		this.snsTopicArn = snsTopicArn;
	}

	public String getSqsQueue() {
		return this.sqsQueue;
	}

	public void setSqsQueue(String sqsQueue) {
		this.sqsQueue = sqsQueue;
	}

	public String getSqsQueueUrl() {
		return this.sqsQueueUrl;
	}

	public void setSqsQueueUrl(String sqsQueueUrl) {
		this.sqsQueueUrl = sqsQueueUrl;
	}

}
