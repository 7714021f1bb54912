package io.serverlessspring.shell.apply;

import java.util.List;

import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.model.ScheduleSpec;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Tag;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * Schedules on EventBridge Scheduler (time zones supported), in one schedule group per stage so
 * that undeploy removes them all with the group.
 */
public final class ScheduleActions {

	private ScheduleActions() {
	}

	public static void createGroup(ApplyContext ctx) {
		List<Tag> tags = ctx.desired()
			.tags()
			.entrySet()
			.stream()
			.map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
			.toList();
		try {
			ctx.clients()
				.scheduler()
				.createScheduleGroup(b -> b.name(Names.scheduleGroup(ctx.desired().functionName())).tags(tags));
		}
		catch (ConflictException ex) {
			// created by an earlier, interrupted deploy
		}
	}

	public static void put(ApplyContext ctx, ScheduleSpec schedule, boolean exists) {
		DesiredStage desired = ctx.desired();
		Target target = Target.builder()
			.arn(desired.aliasArn())
			.roleArn(Names.roleArn(desired.account(), desired.schedulerRole().name()))
			.input(schedule.input())
			.build();
		String group = Names.scheduleGroup(desired.functionName());
		ScheduleState state = schedule.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED;
		if (!exists) {
			try {
				ctx.clients()
					.scheduler()
					.createSchedule(b -> b.name(schedule.name())
						.groupName(group)
						.scheduleExpression(schedule.expression())
						.scheduleExpressionTimezone(schedule.timezone())
						.state(state)
						.flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
						.target(target));
				return;
			}
			catch (ConflictException ex) {
				// exists after all: update it below
			}
		}
		ctx.clients()
			.scheduler()
			.updateSchedule(b -> b.name(schedule.name())
				.groupName(group)
				.scheduleExpression(schedule.expression())
				.scheduleExpressionTimezone(schedule.timezone())
				.state(state)
				.flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
				.target(target));
	}

	public static void delete(ApplyContext ctx, String name) {
		try {
			ctx.clients()
				.scheduler()
				.deleteSchedule(b -> b.name(name).groupName(Names.scheduleGroup(ctx.desired().functionName())));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

	public static void deleteGroup(ApplyContext ctx, String group) {
		try {
			ctx.clients().scheduler().deleteScheduleGroup(b -> b.name(group));
		}
		catch (ResourceNotFoundException ex) {
			// already gone
		}
	}

}
