package io.serverlessspring.shell.deploy;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.EventChanges;
import io.serverlessspring.shell.plan.EventRuleChanges;
import io.serverlessspring.shell.plan.EventRulePlanner;
import io.serverlessspring.shell.plan.HttpChanges;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;
import io.serverlessspring.shell.plan.StageChanges;
import io.serverlessspring.shell.plan.TeardownPlanner;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.state.StageNames;

/**
 * {@code schedule} and {@code unschedule} as plans: the part of deploy's plan that wires schedules
 * and event sources (the function's code and configuration left alone), and the teardown of that wiring.
 */
public class StageScheduler {

	private final Deployer deployer;

	public StageScheduler(Deployer deployer) {
		this.deployer = deployer;
	}

	/** Deploy's plan restricted to schedules, their group and role, and every event source with its permission. */
	public Plan schedulePlan(StageSession session, Path packageFile, Consumer<String> progress) {
		Deployer.Planned planned = this.deployer.plan(session, packageFile, progress);
		String schedulerRole = ResourceNames.schedulerRole(planned.desired().functionName());
		return planned.plan()
			.only(change -> scheduling(change, schedulerRole), line -> line.startsWith("schedule")
					|| line.startsWith("event source") || line.startsWith("subscription") || line.startsWith("bucket notification")
					|| line.startsWith("event rule"));
	}

	/** Removes the schedules with their group, the alias's mappings, subscriptions, notifications and their permissions. */
	public Plan unschedulePlan(StageSession session) {
		String function = session.settings().functionName();
		ActualStage actual = ActualStateReader.read(session.clients(),
				StageNames.forRemoval(function, session.settings().stage(), null, ResourceNames.defaultBucket(
						session.clients().accountId(), session.target().region())));
		Plan plan = TeardownPlanner.unschedule(function, session.target().region(), session.clients().accountId(), actual);
		return new Plan(session.settings().stage(), function, plan.changes(), plan.unchanged(), plan.notes());
	}

	public void execute(Plan plan, StageSession session, Consumer<String> progress) {
		this.deployer.execute(plan, session, progress);
	}

	private static boolean scheduling(ResourceChange change, String schedulerRole) {
		if (change instanceof StageChanges.Schedule || change instanceof StageChanges.ScheduleGroup
				|| change instanceof EventChanges.EventSource || change instanceof EventRuleChanges.Rule) {
			return true;
		}
		if (change instanceof EventChanges.Queue queue) {
			return queue.eventQueue();
		}
		if (change instanceof HttpChanges.Permission permission) {
			return permission.statementId().startsWith("serverless-sns-") || permission.statementId().startsWith("serverless-s3-")
					|| permission.statementId().startsWith(EventRulePlanner.PERMISSION_PREFIX);
		}
		if (change instanceof StageChanges.Role role) {
			return role.name().equals(schedulerRole);
		}
		if (change instanceof StageChanges.RolePolicy policy) {
			return policy.role().equals(schedulerRole);
		}
		return false;
	}

}
