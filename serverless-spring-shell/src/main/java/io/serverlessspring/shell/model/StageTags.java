package io.serverlessspring.shell.model;

/**
 * The tags the console puts on what it creates, so that every command finds a stage's resources
 * again by name and tags: there is no local state file. Names and ARNs come from
 * {@link io.serverlessspring.boot.naming.ResourceNames} and {@link io.serverlessspring.boot.naming.Arns}.
 */
public final class StageTags {

	public static final String APP = "serverless:app";

	public static final String STAGE = "serverless:stage";

	public static final String FUNCTION = "serverless:function";

	public static final String MANAGED_BY = "serverless:managed-by";

	/** The value of {@link #MANAGED_BY}. */
	public static final String MANAGER = "serverless-spring";

	/** Tags recording the package on the function (written only when the code changes). */
	public static final String PACKAGE_HASH = "serverless:package-hash";

	public static final String GIT_COMMIT = "serverless:git-commit";

	public static final String SOURCE_DATE = "serverless:source-date";

	/** Tags naming the task resources, so undeploy finds them without the package. */
	public static final String TASK_TABLE = "serverless:task-table";

	public static final String TASK_TOPIC = "serverless:task-topic";

	public static final String TASK_QUEUE = "serverless:task-queue";

	/** Comma-separated handler queues deploy created ({@code serverless.events.create-queues}). */
	public static final String EVENT_QUEUES = "serverless:event-queues";

	/** Statement id of the permission letting the task topic invoke the live alias. */
	public static final String TASK_TOPIC_PERMISSION = "serverless-tasks-sns";

	/** Prefix of the description of versions the console publishes, followed by the desired-state digest. */
	public static final String VERSION_MARKER = "serverless-spring ";

	private StageTags() {
	}

	/** Whether tags say the console made the resource for this function. */
	public static boolean ours(java.util.Map<String, String> tags, String function) {
		return MANAGER.equals(tags.get(MANAGED_BY)) && (function == null || function.equals(tags.get(FUNCTION)));
	}

}
