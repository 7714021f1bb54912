package io.serverlessspring.shell.model;

/**
 * How the console names what it creates for a function, so that every command finds a stage's
 * resources again from the function name alone: there is no local state file.
 */
public final class Names {

	/** The alias every front, schedule and event source points at. */
	public static final String ALIAS = "live";

	/** Tag keys the console puts on every taggable resource of a stage. */
	public static final String TAG_APP = "serverless:app";

	public static final String TAG_STAGE = "serverless:stage";

	public static final String TAG_FUNCTION = "serverless:function";

	public static final String TAG_MANAGED_BY = "serverless:managed-by";

	public static final String MANAGED_BY = "serverless-spring";

	/** Tags recording the package on the function (written only when the code changes). */
	public static final String TAG_PACKAGE_HASH = "serverless:package-hash";

	public static final String TAG_GIT_COMMIT = "serverless:git-commit";

	public static final String TAG_SOURCE_DATE = "serverless:source-date";

	/** Tags naming the task resources, so undeploy finds them without the package. */
	public static final String TAG_TASK_TABLE = "serverless:task-table";

	public static final String TAG_TASK_TOPIC = "serverless:task-topic";

	public static final String TAG_TASK_QUEUE = "serverless:task-queue";

	/** Tag listing (comma-separated) the handler queues deploy created ({@code serverless.events.create-queues}). */
	public static final String TAG_EVENT_QUEUES = "serverless:event-queues";

	/** Statement id of the permission letting the task topic invoke the live alias. */
	public static final String TASK_TOPIC_PERMISSION = "serverless-tasks-sns";

	/** Prefix of the description of versions the console publishes, followed by the desired-state digest. */
	public static final String VERSION_MARKER = "serverless-spring ";

	public static final String POLICY_NAME = "serverless-least-privilege";

	private Names() {
	}

	public static String role(String function) {
		return cut(function + "-role", 64);
	}

	public static String schedulerRole(String function) {
		return cut(function + "-scheduler", 64);
	}

	public static String scheduleGroup(String function) {
		return cut(function, 64);
	}

	public static String schedule(String function, String name) {
		return cut(function + "-" + name, 64);
	}

	public static String logGroup(String function) {
		return "/aws/lambda/" + function;
	}

	public static String codePrefix(String function) {
		return function + "/";
	}

	public static String codeKey(String function, String contentHash) {
		return codePrefix(function) + contentHash + ".zip";
	}

	public static String api(String function) {
		return function;
	}

	public static String defaultBucket(String account, String region) {
		return "serverless-spring-" + account + "-" + region;
	}

	public static String functionArn(String region, String account, String function) {
		return "arn:aws:lambda:" + region + ":" + account + ":function:" + function;
	}

	public static String aliasArn(String region, String account, String function) {
		return functionArn(region, account, function) + ":" + ALIAS;
	}

	public static String roleArn(String account, String role) {
		return "arn:aws:iam::" + account + ":role/" + role;
	}

	public static String logGroupArn(String region, String account, String function) {
		return "arn:aws:logs:" + region + ":" + account + ":log-group:" + logGroup(function);
	}

	private static String cut(String name, int max) {
		return (name.length() <= max) ? name : name.substring(0, max);
	}

}
