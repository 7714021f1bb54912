package io.serverlessspring.shell.model;

/**
 * What {@code @ServerlessTask} methods need besides invoking the function itself (from the
 * manifest's {@code taskResources}); each is {@code null} when no task uses it.
 *
 * @param table the DynamoDB table of captured responses (key {@code taskId}, TTL {@code expiresAt})
 * @param topic the SNS topic tasks are published to (the live alias is subscribed)
 * @param queue the SQS queue tasks are sent to (the live alias polls it)
 */
public record TaskResourcesSpec(String table, String topic, String queue) {

	public static final TaskResourcesSpec NONE = new TaskResourcesSpec(null, null, null);

	public boolean isEmpty() {
		return this.table == null && this.topic == null && this.queue == null;
	}

}
