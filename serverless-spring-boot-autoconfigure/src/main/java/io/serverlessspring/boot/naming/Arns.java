package io.serverlessspring.boot.naming;

/**
 * The one place ARNs are built and taken apart. Settings may give a resource by name or by ARN;
 * {@link #orArn} turns either into an ARN. Partition {@code aws} (China and GovCloud are not targets).
 */
public final class Arns {

	private Arns() {
	}

	public static String function(String region, String account, String function) {
		return "arn:aws:lambda:" + region + ":" + account + ":function:" + function;
	}

	/**
	 * The qualifier (alias or version) of a function ARN, {@code arn:aws:lambda:region:account:function:name:qualifier},
	 * or {@code null} when the ARN is unqualified or not a function ARN.
	 */
	public static String functionQualifier(String functionArn) {
		if (functionArn == null) {
			return null;
		}
		String[] parts = functionArn.split(":");
		return (parts.length == 8 && "function".equals(parts[5]) && !parts[7].isBlank()) ? parts[7] : null;
	}

	/** The function's {@link ResourceNames#ALIAS live} alias. */
	public static String alias(String region, String account, String function) {
		return function(region, account, function) + ":" + ResourceNames.ALIAS;
	}

	public static String role(String account, String role) {
		return "arn:aws:iam::" + account + ":role/" + role;
	}

	public static String logGroup(String region, String account, String logGroupName) {
		return "arn:aws:logs:" + region + ":" + account + ":log-group:" + logGroupName;
	}

	public static String topic(String region, String account, String topic) {
		return "arn:aws:sns:" + region + ":" + account + ":" + topic;
	}

	public static String queue(String region, String account, String queue) {
		return "arn:aws:sqs:" + region + ":" + account + ":" + queue;
	}

	public static String table(String region, String account, String table) {
		return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + table;
	}

	/** Every stream of a table (the stream's label is only known once it is enabled). */
	public static String tableStreams(String region, String account, String table) {
		return table(region, account, table) + "/stream/*";
	}

	public static String kinesisStream(String region, String account, String stream) {
		return "arn:aws:kinesis:" + region + ":" + account + ":stream/" + stream;
	}

	public static String bucket(String bucket) {
		return "arn:aws:s3:::" + bucket;
	}

	public static String eventBus(String region, String account, String bus) {
		return "arn:aws:events:" + region + ":" + account + ":event-bus/" + bus;
	}

	/** A rule on a bus: the default bus's rules have no bus in their ARN, other buses' rules do. */
	public static String eventRule(String region, String account, String bus, String rule) {
		String busName = isArn(bus) ? resourceName(bus) : bus;
		return "arn:aws:events:" + region + ":" + account + ":rule/"
				+ ("default".equals(busName) ? "" : busName + "/") + rule;
	}

	public static String scheduleGroup(String region, String account, String group) {
		return "arn:aws:scheduler:" + region + ":" + account + ":schedule-group/" + group;
	}

	/** An SSM parameter or parameter path, e.g. {@code /petstore/prod} (leading slash optional). */
	public static String parameter(String region, String account, String path) {
		String name = path.startsWith("/") ? path.substring(1) : path;
		return "arn:aws:ssm:" + region + ":" + account + ":parameter/" + name;
	}

	/**
	 * A Secrets Manager secret by name: AWS appends a 6-character suffix to every secret's ARN, so a
	 * policy names it with {@code -??????} (exactly six characters, no other secret of that name).
	 */
	public static String secret(String region, String account, String name) {
		return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name + "-??????";
	}

	/** An object in a bucket. */
	public static String object(String bucket, String key) {
		return bucket(bucket) + "/" + key;
	}

	/** {@code execute-api} ARN of an API with a path inside it, e.g. {@code /*} or {@code /authorizers/*}. */
	public static String executeApi(String region, String account, String apiId, String path) {
		return "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + path;
	}

	/** The URI API Gateway calls to invoke a Lambda function (or alias) ARN. */
	public static String lambdaInvocationUri(String region, String functionArn) {
		return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
	}

	/**
	 * {@code nameOrArn} when it is an ARN, else the ARN of that name in the service:
	 * {@code sqs}, {@code sns}, {@code kinesis}, {@code dynamodb} (a table), {@code s3}.
	 */
	public static String orArn(String service, String region, String account, String nameOrArn) {
		if (isArn(nameOrArn)) {
			return nameOrArn;
		}
		return switch (service) {
			case "sqs" -> queue(region, account, nameOrArn);
			case "sns" -> topic(region, account, nameOrArn);
			case "kinesis" -> kinesisStream(region, account, nameOrArn);
			case "dynamodb" -> table(region, account, nameOrArn);
			case "s3" -> bucket(nameOrArn);
			case "events" -> eventBus(region, account, nameOrArn);
			default -> throw new IllegalArgumentException("No ARN rule for service '" + service + "'");
		};
	}

	public static boolean isArn(String value) {
		return value != null && value.startsWith("arn:");
	}

	/** The last part of an ARN: a queue's or topic's name, a function's alias, a bucket. */
	public static String resourceName(String arn) {
		if (arn.startsWith("arn:aws:s3:::")) {
			return arn.substring("arn:aws:s3:::".length());
		}
		int slash = arn.lastIndexOf('/');
		int colon = arn.lastIndexOf(':');
		return arn.substring(Math.max(slash, colon) + 1);
	}

	/** The service of an ARN ({@code sqs}, {@code kinesis}, …), or {@code null} when it is not an ARN. */
	public static String service(String arn) {
		if (!isArn(arn)) {
			return null;
		}
		String[] parts = arn.split(":", 4);
		return (parts.length > 2) ? parts[2] : null;
	}

}
