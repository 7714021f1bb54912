package io.serverlessspring.shell.deploy;

import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.plan.ActualStage;
import io.serverlessspring.shell.plan.ActualStateReader;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.settings.StageSettings;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Undeploy: removes everything deploy made for a stage (function with its versions, alias, URL and
 * permissions; HTTP or REST API; schedules and their group; both roles; the stage's packages; the
 * log group when asked) and nothing else: APIs and roles are found by name and the console's tags.
 */
public class Undeployer {

	/** One removal, for the list printed before and after. */
	record Removal(String what, Runnable action) {
	}

	public List<String> undeploy(StageSession session, boolean removeLogs, ConsoleIo io) {
		StageSettings settings = session.settings();
		AwsClients clients = session.clients();
		String function = settings.functionName();
		String account = clients.accountId();
		String bucket = (settings.properties().getDeploy().getBucket() != null) ? settings.properties().getDeploy().getBucket()
				: Names.defaultBucket(account, session.target().region());
		String role = (settings.properties().getIam().getRoleArn() != null) ? null
				: (settings.properties().getIam().getRoleName() != null) ? settings.properties().getIam().getRoleName()
						: Names.role(function);
		ActualStage actual = ActualStateReader.read(clients,
				new io.serverlessspring.shell.plan.StageNames(function, role, Names.schedulerRole(function), bucket, null,
						List.of(), null));
		List<Removal> removals = new ArrayList<>();
		if (actual.scheduleGroupExists()) {
			String group = Names.scheduleGroup(function);
			removals.add(new Removal("schedule group " + group + " (" + actual.schedules().size() + " schedules)", () -> {
				try {
					clients.scheduler().deleteScheduleGroup(b -> b.name(group));
				}
				catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
					// removed with the event wiring above
				}
			}));
		}
		if (actual.httpApi() != null) {
			String id = actual.httpApi().id();
			removals.add(new Removal("HTTP API " + function + " (" + id + ")",
					() -> clients.apiGatewayV2().deleteApi(b -> b.apiId(id))));
		}
		if (actual.restApi() != null) {
			String id = actual.restApi().id();
			removals.add(new Removal("REST API " + function + " (" + id + ")",
					() -> clients.apiGateway().deleteRestApi(b -> b.restApiId(id))));
		}
		if (actual.function() != null) {
			// SNS subscriptions and S3 notifications outlive the function: remove them with its schedules and mappings.
			io.serverlessspring.shell.events.Unscheduler wiring = new io.serverlessspring.shell.events.Unscheduler(clients,
					function);
			List<String> pushed = wiring.find()
				.stream()
				.filter(item -> item.startsWith("subscription ") || item.startsWith("bucket notification "))
				.toList();
			if (!pushed.isEmpty()) {
				removals.add(0, new Removal(String.join(", ", pushed) + " (with the schedules and mappings)",
						() -> wiring.removeAll(line -> { })));
			}
		}
		for (ActualStage.ActualMapping mapping : actual.mappings().values()) {
			removals.add(new Removal("event source mapping " + mapping.sourceArn(), () -> {
				try {
					clients.lambda().deleteEventSourceMapping(b -> b.uuid(mapping.uuid()));
				}
				catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException ex) {
					// removed with the event wiring above
				}
			}));
		}
		if (actual.function() != null) {
			removals.add(new Removal("function " + function + " (" + actual.versions().size()
					+ " versions, aliases, URL and permissions)",
					() -> clients.lambda().deleteFunction(b -> b.functionName(function))));
		}
		if (actual.function() != null) {
			taskResources(clients, actual.function().tags(), removals);
		}
		if (actual.schedulerRole() != null && ours(actual.schedulerRole())) {
			removals.add(new Removal("role " + actual.schedulerRole().name(), () -> deleteRole(clients, actual.schedulerRole())));
		}
		if (actual.role() != null && ours(actual.role())) {
			removals.add(new Removal("role " + actual.role().name(), () -> deleteRole(clients, actual.role())));
		}
		if (actual.bucketExists()) {
			List<String> keys = keys(clients, bucket, Names.codePrefix(function));
			if (!keys.isEmpty()) {
				removals.add(new Removal(keys.size() + " package(s) in s3://" + bucket + "/" + Names.codePrefix(function),
						() -> deleteKeys(clients, bucket, keys)));
			}
		}
		if (actual.logGroup() != null) {
			if (removeLogs) {
				removals.add(new Removal("log group " + actual.logGroup().name(),
						() -> clients.logs().deleteLogGroup(b -> b.logGroupName(actual.logGroup().name()))));
			}
			else {
				io.println("Keeping log group " + actual.logGroup().name() + " (--remove-logs removes it).");
			}
		}
		if (removals.isEmpty()) {
			io.println("Nothing deployed for " + function + " in " + session.target().region() + ": nothing to remove.");
			return List.of();
		}
		io.println("Undeploy " + function + " removes:");
		removals.forEach(removal -> io.println("  - " + removal.what()));
		if (!io.confirm("Remove these " + removals.size() + " resources?")) {
			io.println("Nothing removed.");
			return List.of();
		}
		List<String> removed = new ArrayList<>();
		for (Removal removal : removals) {
			removal.action().run();
			removed.add(removal.what());
			io.println("  removed " + removal.what());
		}
		if (actual.bucketExists() && settings.properties().getDeploy().getBucket() == null
				&& keys(clients, bucket, "").isEmpty()) {
			clients.s3().deleteBucket(b -> b.bucket(bucket));
			removed.add("bucket " + bucket + " (empty)");
			io.println("  removed bucket " + bucket + " (no other stage uses it)");
		}
		io.println("Undeployed " + function + ".");
		return removed;
	}

	/** The task table, topic and queue deploy created, named in the function's tags. */
	private static void taskResources(AwsClients clients, java.util.Map<String, String> tags, List<Removal> removals) {
		String table = tags.get(Names.TAG_TASK_TABLE);
		String topic = tags.get(Names.TAG_TASK_TOPIC);
		String queue = tags.get(Names.TAG_TASK_QUEUE);
		ActualStage.ActualTasks found = ActualStateReader.tasks(clients,
				new io.serverlessspring.shell.model.TaskResourcesSpec(table, topic, queue), "");
		if (found.table()) {
			removals.add(new Removal("task table " + table, () -> clients.dynamoDb().deleteTable(b -> b.tableName(table))));
		}
		if (found.topic()) {
			String arn = "arn:aws:sns:" + clients.region() + ":" + clients.accountId() + ":" + topic;
			removals.add(new Removal("task topic " + topic, () -> clients.sns().deleteTopic(b -> b.topicArn(arn))));
		}
		if (found.queue()) {
			removals.add(new Removal("task queue " + queue, () -> clients.sqs()
				.deleteQueue(b -> b.queueUrl(clients.sqs().getQueueUrl(q -> q.queueName(queue)).queueUrl()))));
		}
		String eventQueues = tags.get(Names.TAG_EVENT_QUEUES);
		if (eventQueues != null && !eventQueues.isBlank()) {
			for (String eventQueue : eventQueues.split(",")) {
				removals.add(new Removal("event queue " + eventQueue, () -> {
					try {
						clients.sqs().deleteQueue(b -> b.queueUrl(clients.sqs().getQueueUrl(q -> q.queueName(eventQueue)).queueUrl()));
					}
					catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException ex) {
						// already gone
					}
				}));
			}
		}
	}

	private static boolean ours(ActualStage.ActualRole role) {
		return Names.MANAGED_BY.equals(role.tags().get(Names.TAG_MANAGED_BY));
	}

	private static void deleteRole(AwsClients clients, ActualStage.ActualRole role) {
		try {
			for (String policy : role.inlinePolicies().keySet()) {
				clients.iam().deleteRolePolicy(b -> b.roleName(role.name()).policyName(policy));
			}
			for (String arn : role.attachedPolicies()) {
				clients.iam().detachRolePolicy(b -> b.roleName(role.name()).policyArn(arn));
			}
			clients.iam().deleteRole(b -> b.roleName(role.name()));
		}
		catch (NoSuchEntityException ex) {
			// already gone
		}
	}

	private static List<String> keys(AwsClients clients, String bucket, String prefix) {
		List<String> keys = new ArrayList<>();
		String token = null;
		do {
			String next = token;
			ListObjectsV2Response page = clients.s3()
				.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).continuationToken(next));
			for (S3Object object : page.contents()) {
				keys.add(object.key());
			}
			token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
		}
		while (token != null);
		return keys;
	}

	private static void deleteKeys(AwsClients clients, String bucket, List<String> keys) {
		for (int i = 0; i < keys.size(); i += 1000) {
			List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000))
				.stream()
				.map(key -> ObjectIdentifier.builder().key(key).build())
				.toList();
			clients.s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch)));
		}
	}

}
