package io.serverlessspring.shell.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.IamSettings;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.manifest.DeploymentManifest;
import io.serverlessspring.shell.packaging.Manifests;
import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
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
			DeploymentManifest manifest, ConfigImportGrants imports) {
		Map<String, Statement> statements = new LinkedHashMap<>();
		String logGroup = Arns.logGroup(region, account, ResourceNames.logGroup(function));
		add(statements, "Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logGroup + ":*"));

		List<DeploymentManifest.Task> tasks = Manifests.tasks(manifest);
		if (!tasks.isEmpty()) {
			String self = Arns.function(region, account, function);
			List<String> targets = new ArrayList<>(List.of(self, self + ":*"));
			for (DeploymentManifest.Task task : tasks) {
				String remote = blankToNull(task.function());
				if (remote != null) {
					String remoteName = remote.contains(":") && !Arns.isArn(remote) ? remote.substring(0, remote.indexOf(':')) : remote;
					String arn = Arns.isArn(remoteName) ? remoteName
							: Arns.function(blankToNull(task.region()) != null ? task.region() : region, account, remoteName);
					targets.add(arn);
					targets.add(arn + ":*");
				}
			}
			add(statements, "Tasks", List.of("lambda:InvokeFunction"), targets.stream().distinct().toList());
		}
		DeploymentManifest.TaskResources taskResources = manifest.taskResources();
		String table = (taskResources != null) ? blankToNull(taskResources.responseTable()) : null;
		if (table != null) {
			add(statements, "TaskResponses", List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
					List.of(Arns.table(region, account, table)));
		}
		String topic = (taskResources != null) ? blankToNull(taskResources.snsTopic()) : null;
		if (topic != null) {
			add(statements, "TaskTopic", List.of("sns:Publish"), List.of(Arns.orArn("sns", region, account, topic)));
		}
		String queue = (taskResources != null) ? blankToNull(taskResources.sqsQueue()) : null;
		if (queue != null) {
			add(statements, "TaskQueue", List.of("sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
					"sqs:GetQueueAttributes"), List.of(Arns.orArn("sqs", region, account, queue)));
		}
		for (DeploymentManifest.EventHandler handler : Manifests.eventHandlers(manifest)) {
			String type = blankToNull(handler.type());
			String source = blankToNull(handler.source());
			if (type == null || source == null) {
				continue;
			}
			switch (type) {
				case "sqs" -> add(statements, "EventsSqs",
						List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
						List.of(Arns.orArn("sqs", region, account, source)));
				case "dynamodb" -> add(statements, "EventsDynamoDb",
						List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream",
								"dynamodb:ListStreams"),
						List.of(Arns.isArn(source) ? source : Arns.tableStreams(region, account, source)));
				case "kinesis" -> add(statements, "EventsKinesis",
						List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
								"kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:ListStreams"),
						List.of(Arns.orArn("kinesis", region, account, source)));
				default -> {
					// s3, sns, eventbridge, logs, cognito and lex invoke through the function's resource
					// policy, and their handlers answer without calling AWS: no role permission.
				}
			}
		}
		if (!manifest.webSocket().routes().isEmpty()) {
			// WebSocketConnections: send to and close the stage's connections. The API id does not exist
			// when the role is made, so the grant names the stage and the @connections path, on any API.
			add(statements, "WebSocketConnections", List.of("execute-api:ManageConnections"),
					List.of(Arns.executeApi(region, account, "*", "/" + manifest.stage() + "/*/@connections/*")));
		}
		if (!settings.getFunction().getVpc().getSubnetIds().isEmpty()) {
			// Lambda manages the network interfaces; EC2 does not scope these actions by resource.
			add(statements, "Vpc", List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
					"ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
					List.of("*"));
		}
		List<String> accessPoints = settings.getFunction()
			.getFileSystems()
			.stream()
			.map(io.serverlessspring.boot.settings.FunctionSettings.FileSystemMount::getArn)
			.filter(arn -> arn != null && arn.split(":").length >= 6)
			.toList();
		if (!accessPoints.isEmpty()) {
			// EFS authorises a mount on the file system, naming the access point in a condition; the
			// access point's ARN does not name its file system, so any one of theirs, through these only.
			List<String> fileSystems = accessPoints.stream()
				.map(arn -> String.join(":", java.util.Arrays.asList(arn.split(":")).subList(0, 5)) + ":file-system/*")
				.distinct()
				.toList();
			add(statements, "FileSystems", List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
					fileSystems);
			statements.get("FileSystems").condition = Map.of("StringEquals",
					Map.of("elasticfilesystem:AccessPointArn", accessPoints));
		}
		if (settings.getFunction().getTracing() == io.serverlessspring.boot.settings.FunctionSettings.Tracing.ACTIVE) {
			add(statements, "Tracing", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), List.of("*"));
		}
		String deadLetter = settings.getFunction().getDeadLetterTarget();
		if (deadLetter != null) {
			add(statements, "DeadLetter", List.of("sns".equals(Arns.service(deadLetter)) ? "sns:Publish" : "sqs:SendMessage"),
					List.of(deadLetter));
		}
		if (!imports.parameterPaths().isEmpty()) {
			add(statements, "ConfigParameters", List.of("ssm:GetParametersByPath"), imports.parameterPaths());
		}
		if (!imports.secrets().isEmpty()) {
			add(statements, "ConfigSecrets", List.of("secretsmanager:GetSecretValue"), imports.secrets());
		}
		if (imports.remoteEnvObject() != null) {
			add(statements, "RemoteEnv", List.of("s3:GetObject"), List.of(imports.remoteEnvObject()));
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
			if (entry.getValue().condition != null) {
				node.set("Condition", JSON.valueToTree(entry.getValue().condition));
			}
		}
		return JSON.writeValueAsString(root);
	}

	private static void add(Map<String, Statement> statements, String sid, List<String> actions, List<String> resources) {
		Statement statement = statements.computeIfAbsent(sid, key -> new Statement());
		actions.stream().filter(a -> !statement.actions.contains(a)).forEach(statement.actions::add);
		resources.stream().filter(r -> !statement.resources.contains(r)).forEach(statement.resources::add);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static final class Statement {

		final List<String> actions = new ArrayList<>();

		final List<String> resources = new ArrayList<>();

		Map<String, Object> condition;

	}

}
