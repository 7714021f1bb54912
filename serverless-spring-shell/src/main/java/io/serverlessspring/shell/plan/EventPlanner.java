package io.serverlessspring.shell.plan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.EventSourceSpec;
import io.serverlessspring.shell.model.ScheduleSpec;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStage.ActualMapping;
import io.serverlessspring.shell.state.ActualStage.ActualSchedule;

/**
 * Plans what invokes the function besides its front: schedules (one group per stage), every event
 * source (mappings, SNS subscriptions, S3 notifications, one pipeline; EventBridge rules by
 * {@link EventRulePlanner}; log subscriptions, Cognito triggers and Lex permissions by
 * {@link EventTriggerPlanner}) and the task resources.
 */
public final class EventPlanner {

	private EventPlanner() {
	}

	static void schedules(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		String group = ResourceNames.scheduleGroup(desired.functionName());
		Set<String> wanted = new LinkedHashSet<>();
		if (!desired.schedules().isEmpty() && !actual.scheduleGroupExists()) {
			changes.add(new StageChanges.ScheduleGroup(Action.CREATE, group, desired.tags(), "", List.of()));
		}
		String roleArn = (desired.schedulerRole() != null) ? Arns.role(desired.account(), desired.schedulerRole().name()) : null;
		for (ScheduleSpec schedule : desired.schedules()) {
			wanted.add(schedule.name());
			ActualSchedule existing = actual.schedules().get(schedule.name());
			Diff diff = new Diff();
			diff.field("expression", existing != null ? existing.expression() : null, schedule.expression())
				.field("time zone", existing != null ? utcToNull(existing.timezone()) : null, utcToNull(schedule.timezone()))
				.field("enabled", existing != null ? existing.enabled() : null, schedule.enabled())
				.field("target", existing != null ? existing.targetArn() : null, desired.aliasArn())
				.field("role", existing != null ? existing.roleArn() : null, roleArn);
			if (existing == null || !Diff.sameJson(existing.input(), schedule.input())) {
				diff.field("input", existing != null ? existing.input() : null, schedule.input());
			}
			String what = schedule.expression() + (schedule.timezone() != null ? " " + schedule.timezone() : "")
					+ (schedule.enabled() ? "" : ", disabled");
			if (existing == null) {
				changes.add(schedule(Action.CREATE, group, schedule, desired.aliasArn(), roleArn, what, diff.fields()));
			}
			else if (!diff.isEmpty()) {
				changes.add(schedule(Action.UPDATE, group, schedule, desired.aliasArn(), roleArn,
						diff.fields().stream().map(FieldChange::name).reduce((a, b) -> a + ", " + b).orElse(""),
						diff.fields()));
			}
			else {
				unchanged.add("schedule " + schedule.name());
			}
		}
		for (String name : actual.schedules().keySet()) {
			if (!wanted.contains(name)) {
				changes.add(new StageChanges.Schedule(Action.DELETE, group, name, null, null, false, null, null, null,
						"no longer declared", List.of()));
			}
		}
		if (desired.schedules().isEmpty() && actual.scheduleGroupExists()) {
			changes.add(new StageChanges.ScheduleGroup(Action.DELETE, group, desired.tags(), "no schedules left", List.of()));
		}
	}

	private static StageChanges.Schedule schedule(Action action, String group, ScheduleSpec schedule, String target,
			String roleArn, String detail, List<FieldChange> fields) {
		return new StageChanges.Schedule(action, group, schedule.name(), schedule.expression(), schedule.timezone(),
				schedule.enabled(), target, roleArn, schedule.input(), detail, fields);
	}

	private static String utcToNull(String zone) {
		return (zone == null || zone.isEmpty() || zone.equals("UTC") || zone.equals("Etc/UTC")) ? null : zone;
	}

	static void tasks(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		TaskResourcesSpec tasks = desired.tasks();
		if (tasks.table() != null) {
			if (actual.tasks().table() && actual.tasks().tableExpiry()) {
				unchanged.add("task table " + tasks.table());
			}
			else if (actual.tasks().table()) {
				// e.g. a deploy interrupted between CreateTable and UpdateTimeToLive
				changes.add(new EventChanges.TaskTable(Action.UPDATE, tasks.table(), desired.tags(), "TTL expiresAt enabled",
						List.of(FieldChange.of("time to live", null, "expiresAt"))));
			}
			else {
				changes.add(new EventChanges.TaskTable(Action.CREATE, tasks.table(), desired.tags(),
						"captured responses, TTL expiresAt", List.of(FieldChange.of("time to live", null, "expiresAt"))));
			}
		}
		if (tasks.topic() != null) {
			if (!actual.tasks().topic()) {
				changes.add(new EventChanges.Topic(Action.CREATE, tasks.topic(), desired.topicArn(), desired.tags(), "",
						List.of()));
			}
			if (!actual.tasks().subscribed()) {
				// The permission first, so SNS can deliver from the subscription's first message.
				changes.add(new HttpChanges.Permission(Action.REPLACE, desired.functionName(), ResourceNames.ALIAS,
						StageTags.TASK_TOPIC_PERMISSION, "sns.amazonaws.com", "lambda:InvokeFunction",
						Value.known(desired.topicArn()), null, null, "the task topic may invoke " + ResourceNames.ALIAS,
						List.of(FieldChange.of("source", null, desired.topicArn()))));
				EventSourceSpec topic = new EventSourceSpec("tasks", "sns", desired.topicArn(), null, null, null, false,
						true, null, List.of(), null, null);
				changes.add(new EventChanges.EventSource(Action.CREATE, topic, desired.aliasArn(), null, null, "",
						List.of(FieldChange.of("endpoint", null, desired.aliasArn()))));
			}
			else {
				unchanged.add("task topic " + tasks.topic());
			}
		}
		if (tasks.queue() != null) {
			if (actual.tasks().queue()) {
				unchanged.add("task queue " + tasks.queue());
			}
			else {
				changes.add(new EventChanges.Queue(Action.CREATE, tasks.queue(), false, desired.tags(), "", List.of()));
			}
		}
	}

	static void eventSources(DesiredStage desired, ActualStage actual, List<ResourceChange> changes,
			List<String> unchanged) {
		Set<String> wantedMappings = new LinkedHashSet<>();
		for (EventSourceSpec declared : desired.eventSources()) {
			if ("eventbridge".equals(declared.type())) {
				continue; // rules: EventRulePlanner
			}
			if (EventTriggerPlanner.handles(declared.type())) {
				continue; // log subscriptions, Cognito and Lex: EventTriggerPlanner
			}
			EventSourceSpec source = declared.needsStream() && actual.events().streams().containsKey(declared.sourceArn())
					? declared.withSource(actual.events().streams().get(declared.sourceArn())) : declared;
			String queue = Arns.resourceName(source.sourceArn());
			boolean missing = actual.missingSources().contains(source.sourceArn());
			if (missing && "sqs".equals(source.type()) && desired.eventQueues().contains(queue)) {
				// serverless.events.create-queues: the stage's own queue, made before its mapping.
				changes.add(new EventChanges.Queue(Action.CREATE, queue, true, desired.tags(), source.id(), List.of()));
				changes.add(create(source, desired));
				wantedMappings.add(source.sourceArn());
				continue;
			}
			if (!missing && source.needsStream() && actual.events().streamlessTables().contains(source.sourceArn())) {
				if (TableStreamPlanner.enable(source, changes, unchanged)) {
					changes.add(create(source, desired));
				}
				continue;
			}
			if (missing || source.needsStream()) {
				unchanged.add("event source " + source.sourceArn() + " NOT CONNECTED: it does not exist"
						+ (source.needsStream() ? " or has no stream" : "") + " (create it, then deploy again)");
				continue;
			}
			switch (source.type()) {
				case "sns" -> pushed(desired, actual, source, "sns.amazonaws.com",
						actual.events().subscriptions().containsKey(source.sourceArn()), changes, unchanged);
				case "s3" -> pushed(desired, actual, source, "s3.amazonaws.com", actual.events()
					.notifications()
					.getOrDefault(source.sourceArn(), Set.of())
					.contains(source.notificationId()), changes, unchanged);
				default -> {
					wantedMappings.add(source.sourceArn());
					mapping(desired, source, actual.mappings().get(source.sourceArn()), changes, unchanged);
				}
			}
		}
		for (ActualMapping mapping : actual.mappings().values()) {
			if (!wantedMappings.contains(mapping.sourceArn())) {
				changes.add(deleteMapping(mapping, desired.aliasArn(), "no longer declared"));
			}
		}
		EventRulePlanner.rules(desired, actual, changes, unchanged);
		EventTriggerPlanner.triggers(desired, actual, changes, unchanged);
	}

	static EventChanges.EventSource deleteMapping(ActualMapping mapping, String aliasArn, String detail) {
		EventSourceSpec gone = new EventSourceSpec("", Arns.service(mapping.sourceArn()), mapping.sourceArn(), null, null,
				null, false, false);
		return new EventChanges.EventSource(Action.DELETE, gone, aliasArn, mapping.uuid(), null, detail, List.of());
	}

	private static void mapping(DesiredStage desired, EventSourceSpec source, ActualMapping mapping,
			List<ResourceChange> changes, List<String> unchanged) {
		if (mapping == null) {
			changes.add(create(source, desired));
			return;
		}
		Diff diff = new Diff();
		if (source.batchSize() != null) {
			diff.field("batch size", mapping.batchSize(), source.batchSize());
		}
		if (source.batchWindowSeconds() != null) {
			diff.field("batch window", mapping.batchWindowSeconds() == null ? 0 : mapping.batchWindowSeconds(),
					source.batchWindowSeconds());
		}
		diff.field("report batch item failures", mapping.reportBatchItemFailures(), source.reportBatchItemFailures());
		diff.field("enabled", mapping.enabled(), source.enabled());
		if (!Diff.sameFilter(mapping.filters(), source.filter())) {
			diff.add(FieldChange.of("filter", mapping.filters().isEmpty() ? null : String.join(" | ", mapping.filters()),
					source.filter()));
		}
		if (source.startingPosition() != null && mapping.startingPosition() != null
				&& !source.startingPosition().equals(mapping.startingPosition())) {
			// Lambda fixes the starting position at creation: the mapping is made again.
			changes.add(new EventChanges.EventSource(Action.REPLACE, source, desired.aliasArn(), mapping.uuid(), null,
					"starting position " + mapping.startingPosition() + " -> " + source.startingPosition(),
					List.of(FieldChange.of("starting position", mapping.startingPosition(), source.startingPosition()))));
		}
		else if (diff.isEmpty()) {
			unchanged.add("event source " + source.sourceArn());
		}
		else {
			changes.add(new EventChanges.EventSource(Action.UPDATE, source, desired.aliasArn(), mapping.uuid(), null,
					diff.describe(), diff.fields()));
		}
	}

	private static EventChanges.EventSource create(EventSourceSpec source, DesiredStage desired) {
		return new EventChanges.EventSource(Action.CREATE, source, desired.aliasArn(), null, null, source.id(),
				new Diff().field("batch size", null, source.batchSize())
					.field("batch window", null, source.batchWindowSeconds())
					.field("starting position", null, source.startingPosition())
					.field("filter", null, source.filter())
					.field("enabled", null, source.enabled())
					.fields());
	}

	/** An SNS topic or S3 bucket pushing to the alias: the permission, then the subscription or notification. */
	private static void pushed(DesiredStage desired, ActualStage actual, EventSourceSpec source, String principal,
			boolean wired, List<ResourceChange> changes, List<String> unchanged) {
		boolean s3 = "s3".equals(source.type());
		if (!actual.permissions().containsKey(source.permissionId())) {
			changes.add(new HttpChanges.Permission(Action.CREATE, desired.functionName(), ResourceNames.ALIAS,
					source.permissionId(), principal, "lambda:InvokeFunction", Value.known(source.sourceArn()),
					s3 ? desired.account() : null, null, (s3 ? "S3" : "SNS") + " may invoke the live alias",
					List.of(FieldChange.of("source", null, source.sourceArn()))));
		}
		if (wired) {
			unchanged.add((s3 ? "bucket notification s3://" : "subscription ") + Arns.resourceName(source.sourceArn()));
			return;
		}
		String detail = s3 ? String.join(",", source.events()) + (source.prefix() != null ? " " + source.prefix() + "*" : "")
				+ (source.suffix() != null ? " *" + source.suffix() : "") : source.id();
		changes.add(new EventChanges.EventSource(Action.CREATE, source, desired.aliasArn(), null, null, detail,
				new Diff().field("events", null, source.events()).field("prefix", null, source.prefix())
					.field("suffix", null, source.suffix()).fields()));
	}

}
