package io.serverlessspring.shell.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.plan.ActualStateReader;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds and removes what invokes a stage on a schedule or from an event source: the schedule group
 * (and its schedules), the alias's event source mappings, and the permissions (with the SNS
 * subscriptions and S3 notifications behind them) the console granted.
 */
public final class Unscheduler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AwsClients clients;

	private final String function;

	private final String aliasArn;

	public Unscheduler(AwsClients clients, String function) {
		this.clients = clients;
		this.function = function;
		this.aliasArn = "arn:aws:lambda:" + clients.region() + ":" + clients.accountId() + ":function:" + function + ":"
				+ Names.ALIAS;
	}

	/** What would be removed, in words. */
	public List<String> find() {
		List<String> found = new ArrayList<>();
		ActualStateReader.schedules(this.clients, this.function).keySet().forEach(name -> found.add("schedule " + name));
		if (scheduleGroupExists()) {
			found.add("schedule group " + Names.scheduleGroup(this.function));
		}
		mappings().forEach(m -> found.add("event source mapping " + EventSourcePlanner.shortName(m.eventSourceArn())));
		for (String[] statement : eventPermissions()) {
			found.add(("sns.amazonaws.com".equals(statement[1]) ? "subscription " : "bucket notification ")
					+ EventSourcePlanner.shortName(statement[2]) + " and permission " + statement[0]);
		}
		return found;
	}

	public void removeAll(Consumer<String> progress) {
		String group = Names.scheduleGroup(this.function);
		for (String name : ActualStateReader.schedules(this.clients, this.function).keySet()) {
			progress.accept("  deleting schedule " + name);
			try {
				this.clients.scheduler().deleteSchedule(b -> b.name(name).groupName(group));
			}
			catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
				// already gone
			}
		}
		if (scheduleGroupExists()) {
			progress.accept("  deleting schedule group " + group);
			try {
				this.clients.scheduler().deleteScheduleGroup(b -> b.name(group));
			}
			catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
				// already gone
			}
		}
		for (EventSourceMappingConfiguration mapping : mappings()) {
			progress.accept("  deleting event source mapping " + EventSourcePlanner.shortName(mapping.eventSourceArn()));
			try {
				this.clients.lambda().deleteEventSourceMapping(b -> b.uuid(mapping.uuid()));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
		}
		for (String[] statement : eventPermissions()) {
			if ("sns.amazonaws.com".equals(statement[1])) {
				this.clients.sns()
					.listSubscriptionsByTopicPaginator(b -> b.topicArn(statement[2]))
					.subscriptions()
					.stream()
					.filter(s -> this.aliasArn.equals(s.endpoint()))
					.forEach(s -> {
						progress.accept("  unsubscribing from " + statement[2]);
						this.clients.sns().unsubscribe(b -> b.subscriptionArn(s.subscriptionArn()));
					});
			}
			else {
				String bucket = statement[2].substring("arn:aws:s3:::".length());
				var current = this.clients.s3().getBucketNotificationConfiguration(b -> b.bucket(bucket));
				var kept = current.lambdaFunctionConfigurations()
					.stream()
					.filter(c -> !this.aliasArn.equals(c.lambdaFunctionArn()))
					.toList();
				progress.accept("  removing notifications of s3://" + bucket + " to " + Names.ALIAS);
				this.clients.s3()
					.putBucketNotificationConfiguration(b -> b.bucket(bucket)
						.notificationConfiguration(n -> n.lambdaFunctionConfigurations(kept)
							.queueConfigurations(current.queueConfigurations())
							.topicConfigurations(current.topicConfigurations())
							.eventBridgeConfiguration(current.eventBridgeConfiguration())));
			}
			progress.accept("  removing permission " + statement[0]);
			try {
				this.clients.lambda()
					.removePermission(b -> b.functionName(this.function).qualifier(Names.ALIAS).statementId(statement[0]));
			}
			catch (ResourceNotFoundException ex) {
				// already gone
			}
		}
	}

	private boolean scheduleGroupExists() {
		try {
			this.clients.scheduler().getScheduleGroup(b -> b.name(Names.scheduleGroup(this.function)));
			return true;
		}
		catch (software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException ex) {
			return false;
		}
	}

	private List<EventSourceMappingConfiguration> mappings() {
		try {
			return this.clients.lambda()
				.listEventSourceMappingsPaginator(b -> b.functionName(this.aliasArn))
				.eventSourceMappings()
				.stream()
				.toList();
		}
		catch (ResourceNotFoundException ex) {
			return List.of();
		}
	}

	/** Statements the console granted to SNS and S3: {sid, principal, source ARN}. */
	private List<String[]> eventPermissions() {
		List<String[]> found = new ArrayList<>();
		try {
			String policy = this.clients.lambda().getPolicy(b -> b.functionName(this.function).qualifier(Names.ALIAS)).policy();
			for (JsonNode statement : JSON.readTree(policy).path("Statement")) {
				String sid = statement.path("Sid").asString("");
				if (sid.startsWith("serverless-sns-") || sid.startsWith("serverless-s3-")) {
					String principal = statement.path("Principal").path("Service").asString("");
					String source = statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asString("");
					if (!source.isEmpty()) {
						found.add(new String[] { sid, principal, source });
					}
				}
			}
		}
		catch (ResourceNotFoundException ex) {
			// no resource policy
		}
		return found;
	}

}
