package io.serverlessspring.shell.deploy;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;
import io.serverlessspring.shell.plan.TeardownPlanner;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.render.PlanRenderer;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.state.StageNames;

/**
 * Undeploy: plans the deletion of everything deploy made for a stage, found by name and the
 * console's tags (not only through the function: APIs, keys, usage plan, domain mappings, roles,
 * schedules, event wiring, task resources, packages, log groups when asked), and executes it.
 */
public class Undeployer {

	private final Executor executor;

	public Undeployer(Executor executor) {
		this.executor = executor;
	}

	/** The undeploy plan of a stage; changes nothing. */
	public Plan plan(StageSession session, boolean removeLogs) {
		StageSettings settings = session.settings();
		String function = settings.functionName();
		String account = session.clients().accountId();
		String region = session.target().region();
		String given = settings.properties().getDeploy().getBucket();
		String bucket = (given != null) ? given : ResourceNames.defaultBucket(account, region);
		String role = (settings.properties().getIam().getRoleArn() != null) ? null
				: (settings.properties().getIam().getRoleName() != null) ? settings.properties().getIam().getRoleName()
						: ResourceNames.role(function);
		ActualStage actual = ActualStateReader.read(session.clients(),
				StageNames.forRemoval(function, settings.stage(), role, bucket));
		return TeardownPlanner.undeploy(new TeardownPlanner.Scope(settings.stage(), function, region, account, bucket,
				given == null, removeLogs), actual);
	}

	/** Executes an undeploy plan. */
	public void execute(Plan plan, StageSession session, java.util.function.Consumer<String> progress) {
		this.executor.execute(plan, session.clients(), progress);
	}

	public List<String> undeploy(StageSession session, boolean removeLogs, ConsoleIo io) {
		return undeploy(session, removeLogs, false, io);
	}

	/** @return what was removed; empty when nothing was (nothing deployed, not confirmed, or a dry run) */
	public List<String> undeploy(StageSession session, boolean removeLogs, boolean dryRun, ConsoleIo io) {
		Plan plan = plan(session, removeLogs);
		String function = plan.function();
		if (plan.isEmpty()) {
			plan.notes().forEach(note -> io.println("Note: " + note));
			io.println("Nothing deployed for " + function + " in " + session.target().region() + ": nothing to remove.");
			return List.of();
		}
		// the plan's own header ("Plan for FUNCTION in REGION ...") says what is removed from where
		io.println(PlanRenderer.render(plan, session.target(), session.clients().accountId()));
		if (dryRun) {
			io.println("Dry run. Nothing removed.");
			return List.of();
		}
		if (!io.confirm("Remove " + Counts.these(plan.changes().size(), "resource") + "?")) {
			io.println("Nothing removed.");
			return List.of();
		}
		this.executor.execute(plan, session.clients(), io::println);
		io.println("Undeployed " + function + ".");
		return plan.changes().stream().map(ResourceChange::label).toList();
	}

}
