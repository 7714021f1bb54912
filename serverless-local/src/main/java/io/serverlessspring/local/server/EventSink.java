package io.serverlessspring.local.server;

/**
 * A service that receives events addressed to its resources' ARNs: Lambda functions (async invoke),
 * SQS queues (a message), SNS topics (a publish). Schedules, EventBridge rules, S3 notifications and
 * SNS subscriptions deliver through {@link LocalContext#deliver(String, String)}, whatever the target.
 */
public interface EventSink {

	/** Whether {@code arn} names a resource of this service, e.g. {@code arn:aws:sqs:…}. */
	boolean acceptsArn(String arn);

	/**
	 * Delivers one event (a JSON document, or a plain message) to the resource; an unknown resource is
	 * an {@link AwsException}. Must not block on the target's processing.
	 */
	void deliver(String arn, String event);

}
