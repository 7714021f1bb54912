package io.serverlessspring.shell.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.IamSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The execution role's inline policy: only what the app is seen to use (its log group, invoking
 * itself for tasks, the task table/topic/queue, its event sources) plus the settings' extra
 * permissions. Never a {@code *} action.
 */
public final class LeastPrivilegePolicy {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LeastPrivilegePolicy() {
	}

	public static String document(String region, String account, String function, ServerlessProperties settings,
			JsonNode manifest) {
		Map<String, Statement> statements = new LinkedHashMap<>();
		String logGroup = Names.logGroupArn(region, account, function);
		add(statements, "Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logGroup + ":*"));

		JsonNode tasks = manifest.path("tasks");
		if (tasks.isArray() && !tasks.isEmpty()) {
			String self = Names.functionArn(region, account, function);
			List<String> targets = new ArrayList<>(List.of(self, self + ":*"));
			for (JsonNode task : tasks) {
				String remote = text(task, "function");
				if (remote != null) {
					String remoteName = remote.contains(":") && !remote.startsWith("arn:") ? remote.substring(0, remote.indexOf(':')) : remote;
					String arn = remoteName.startsWith("arn:") ? remoteName
							: Names.functionArn(text(task, "region") != null ? text(task, "region") : region, account,
									remoteName);
					targets.add(arn);
					targets.add(arn + ":*");
				}
			}
			add(statements, "Tasks", List.of("lambda:InvokeFunction"), targets.stream().distinct().toList());
		}
		JsonNode taskResources = manifest.path("taskResources");
		String table = text(taskResources, "responseTable");
		if (table != null) {
			add(statements, "TaskResponses", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
					List.of("arn:aws:dynamodb:" + region + ":" + account + ":table/" + table));
		}
		String topic = text(taskResources, "snsTopic");
		if (topic != null) {
			add(statements, "TaskTopic", List.of("sns:Publish"), List.of(arn("sns", region, account, topic)));
		}
		String queue = text(taskResources, "sqsQueue");
		if (queue != null) {
			add(statements, "TaskQueue", List.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
					"sqs:GetQueueAttributes"), List.of(arn("sqs", region, account, queue)));
		}
		for (JsonNode handler : manifest.path("eventHandlers")) {
			String type = text(handler, "type");
			String source = text(handler, "source");
			if (type == null || source == null) {
				continue;
			}
			switch (type) {
				case "sqs" -> add(statements, "EventsSqs",
						List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
						List.of(arn("sqs", region, account, source)));
				case "dynamodb" -> add(statements, "EventsDynamoDb",
						List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream",
								"dynamodb:ListStreams"),
						List.of(source.startsWith("arn:") ? source
								: "arn:aws:dynamodb:" + region + ":" + account + ":table/" + source + "/stream/*"));
				case "kinesis" -> add(statements, "EventsKinesis",
						List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
								"kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:ListStreams"),
						List.of(source.startsWith("arn:") ? source
								: "arn:aws:kinesis:" + region + ":" + account + ":stream/" + source));
				default -> {
					// s3, sns and eventbridge invoke through the function's resource policy: no role permission.
				}
			}
		}
		if (!settings.getFunction().getVpc().getSubnetIds().isEmpty()) {
			// Lambda manages the network interfaces; EC2 does not scope these actions by resource.
			add(statements, "Vpc", List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
					"ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
					List.of("*"));
		}
		if (settings.getFunction().getTracing() == io.serverlessspring.boot.settings.FunctionSettings.Tracing.ACTIVE) {
			add(statements, "Tracing", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), List.of("*"));
		}
		String deadLetter = settings.getFunction().getDeadLetterTarget();
		if (deadLetter != null) {
			add(statements, "DeadLetter", List.of(deadLetter.startsWith("arn:aws:sns:") ? "sns:Publish" : "sqs:SendMessage"),
					List.of(deadLetter));
		}
		if (settings.getFunction().getKmsKeyArn() != null) {
			add(statements, "Kms", List.of("kms:Decrypt"), List.of(settings.getFunction().getKmsKeyArn()));
		}
		int extra = 0;
		for (IamSettings.Statement statement : settings.getIam().getExtraPermissions()) {
			add(statements, "Extra" + (extra++), statement.getActions(), statement.getResources());
		}
		return render(statements);
	}

	/** The policy letting EventBridge Scheduler invoke the live alias. */
	public static String schedulerDocument(String aliasArn) {
		Map<String, Statement> statements = new LinkedHashMap<>();
		add(statements, "InvokeLive", List.of("lambda:InvokeFunction"), List.of(aliasArn));
		return render(statements);
	}

	private static String render(Map<String, Statement> statements) {
		ObjectNode root = JSON.createObjectNode();
		root.put("Version", "2012-10-17");
		ArrayNode array = root.putArray("Statement");
		for (Map.Entry<String, Statement> entry : statements.entrySet()) {
			ObjectNode node = array.addObject();
			node.put("Sid", entry.getKey());
			node.put("Effect", "Allow");
			ArrayNode actions = node.putArray("Action");
			entry.getValue().actions.forEach(actions::add);
			ArrayNode resources = node.putArray("Resource");
			entry.getValue().resources.forEach(resources::add);
		}
		return JSON.writeValueAsString(root);
	}

	private static void add(Map<String, Statement> statements, String sid, List<String> actions, List<String> resources) {
		Statement statement = statements.computeIfAbsent(sid, key -> new Statement());
		actions.stream().filter(a -> !statement.actions.contains(a)).forEach(statement.actions::add);
		resources.stream().filter(r -> !statement.resources.contains(r)).forEach(statement.resources::add);
	}

	private static String arn(String service, String region, String account, String nameOrArn) {
		return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:aws:" + service + ":" + region + ":" + account + ":" + nameOrArn;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

	private static final class Statement {

		final List<String> actions = new ArrayList<>();

		final List<String> resources = new ArrayList<>();

	}

}
