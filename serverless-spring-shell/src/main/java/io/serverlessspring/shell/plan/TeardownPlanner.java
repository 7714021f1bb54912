package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.state.ActualHttpSecurity;
import io.serverlessspring.shell.state.ActualStage;

/**
 * Plans undeploy and unschedule: the desired state is nothing, so every resource found for the
 * stage (by name and the console's tags) gets a delete, dependents first. Pure, like {@link Planner}.
 */
public final class TeardownPlanner {

	private TeardownPlanner() {
	}

	/** What undeploy removes. */
	public record Scope(String stage, String function, String region, String account, String bucket,
			boolean defaultBucket, boolean removeLogs) {
	}

	public static Plan undeploy(Scope scope, ActualStage actual) {
		List<ResourceChange> changes = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		String function = scope.function();
		ActualHttpSecurity security = actual.security();
		for (ActualHttpSecurity.ActualDomainMapping mapping : security.domainMappings()) {
			changes.add(new HttpChanges.DomainMapping(Action.DELETE, mapping.domain(), mapping.basePath(), null, null,
					mapping.httpApi(), mapping.mappingId(), "", List.of()));
		}
		changes.addAll(unschedule(function, scope.region(), scope.account(), actual).changes());
		for (String key : security.apiKeys().keySet()) {
			changes.add(new HttpSecurityChanges.ApiKey(Action.DELETE, key, security.apiKeys().get(key), null, Map.of(), "",
					List.of()));
		}
		if (security.usagePlan() != null) {
			changes.add(new HttpSecurityChanges.UsagePlan(Action.DELETE, security.usagePlan().name(),
					security.usagePlan().id(), null, null, 0, null, 0, 0, "", List.of()));
		}
		if (actual.httpApi() != null) {
			changes.add(new HttpChanges.HttpApi(Action.DELETE, ResourceNames.api(function), actual.httpApi().id(), null,
					function, Map.of(), null, "", List.of()));
		}
		if (actual.restApi() != null) {
			changes.add(new HttpChanges.RestApi(Action.DELETE, ResourceNames.api(function), actual.restApi().id(), null,
					null, null, null, false, Map.of(), "", List.of()));
		}
		WebSocketPlanner.teardown(function, actual, changes);
		AlbPlanner.teardown(actual.alb(), changes);
		if (actual.function() != null) {
			changes.add(new FunctionChanges.Function(Action.DELETE, function, null, null, null, null, Map.of(),
					Counts.of(actual.versions().size(), "version") + ", aliases, URL and permissions", List.of()));
		}
		changes.addAll(LayerPlanner.teardown(function, scope.bucket(), actual.layers()));
		ActualStage.ActualTasks tasks = actual.tasks();
		Map<String, String> tags = (actual.function() != null) ? actual.function().tags() : Map.of();
		if (tasks.table()) {
			changes.add(new EventChanges.TaskTable(Action.DELETE, tags.get(StageTags.TASK_TABLE), Map.of(), "", List.of()));
		}
		if (tasks.topic()) {
			String topic = tags.get(StageTags.TASK_TOPIC);
			changes.add(new EventChanges.Topic(Action.DELETE, topic, Arns.topic(scope.region(), scope.account(), topic),
					Map.of(), "", List.of()));
		}
		if (tasks.queue()) {
			changes.add(new EventChanges.Queue(Action.DELETE, tags.get(StageTags.TASK_QUEUE), false, Map.of(), "", List.of()));
		}
		for (String queue : actual.eventQueues()) {
			changes.add(new EventChanges.Queue(Action.DELETE, queue, true, Map.of(), "", List.of()));
		}
		for (ActualStage.ActualRole role : new ActualStage.ActualRole[] { actual.schedulerRole(), actual.role() }) {
			if (role != null && StageTags.MANAGER.equals(role.tags().get(StageTags.MANAGED_BY))) {
				changes.add(new StageChanges.Role(Action.DELETE, role.name(), null, null, Map.of(), null,
						List.copyOf(role.inlinePolicies().keySet()), role.attachedPolicies(), "", List.of()));
			}
		}
		if (!actual.packages().isEmpty()) {
			changes.add(new StageChanges.PackageObject(Action.DELETE, scope.bucket(), ResourceNames.codePrefix(function),
					actual.packages(), null, "", List.of()));
		}
		if (actual.bucketExists() && scope.defaultBucket()) {
			changes.add(new StageChanges.Bucket(Action.DELETE, scope.bucket(), scope.region(),
					"if no other stage uses it", List.of()));
		}
		List<String> logGroups = new ArrayList<>();
		if (actual.logGroup() != null) {
			logGroups.add(actual.logGroup().name());
		}
		if (security.accessLogGroup() != null) {
			logGroups.add(security.accessLogGroup());
		}
		for (String group : logGroups) {
			if (scope.removeLogs()) {
				changes.add(new StageChanges.LogGroup(Action.DELETE, group, 0, Map.of(), "", List.of()));
			}
			else {
				notes.add("keeping log group " + group + " (--remove-logs removes it)");
			}
		}
		return new Plan(scope.stage(), function, changes, List.of(), notes);
	}

	/** What {@code unschedule} removes: schedules and their group, event source mappings, subscriptions, notifications, rules. */
	public static Plan unschedule(String function, String region, String account, ActualStage actual) {
		List<ResourceChange> changes = new ArrayList<>();
		String group = ResourceNames.scheduleGroup(function);
		for (String name : actual.schedules().keySet()) {
			changes.add(new StageChanges.Schedule(Action.DELETE, group, name, null, null, false, null, null, null, "",
					List.of()));
		}
		if (actual.scheduleGroupExists()) {
			changes.add(new StageChanges.ScheduleGroup(Action.DELETE, group, Map.of(), "", List.of()));
		}
		String aliasArn = Arns.alias(region, account, function);
		for (ActualStage.ActualMapping mapping : actual.mappings().values()) {
			changes.add(EventPlanner.deleteMapping(mapping, aliasArn, ""));
		}
		actual.events().subscriptions().forEach((topic, subscription) -> {
			EventSourceSpec source = new EventSourceSpec("", "sns", topic, null, null, null, false, false, null, List.of(),
					null, null);
			changes.add(new EventChanges.EventSource(Action.DELETE, source, aliasArn, null, subscription, "", List.of()));
		});
		actual.events().notifications().forEach((bucket, ids) -> {
			if (!ids.isEmpty()) {
				EventSourceSpec source = new EventSourceSpec("", "s3", bucket, null, null, null, false, false, null,
						List.of(), null, null);
				changes.add(new EventChanges.EventSource(Action.DELETE, source, aliasArn, null, null, "", List.of()));
			}
		});
		EventRulePlanner.teardown(function, aliasArn, actual, changes);
		EventTriggerPlanner.teardown(function, aliasArn, actual, changes);
		for (String sid : actual.permissions().keySet()) {
			if (sid.startsWith("serverless-sns-") || sid.startsWith("serverless-s3-")) {
				changes.add(HttpPlanner.removePermission(function, sid, ""));
			}
		}
		return new Plan(null, function, changes, List.of(), List.of());
	}

}
