package io.serverlessspring.shell.deploy;

import java.util.List;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.plan.Action;
import io.serverlessspring.shell.plan.FieldChange;
import io.serverlessspring.shell.plan.FunctionChanges;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.render.PlanRenderer;
import io.serverlessspring.shell.settings.SettingsException;
import io.serverlessspring.shell.state.ActualStage.ActualVersion;
import io.serverlessspring.shell.state.ActualStateReader;

/**
 * Rollback: a plan of one change, the live alias pointed at an earlier published version. Nothing
 * is rebuilt or re-uploaded: the version already holds that code and configuration, so it is
 * instant. Versions are read page by page, so any number of them works.
 */
public class Rollback {

	private final Executor executor;

	public Rollback(Executor executor) {
		this.executor = executor;
	}

	/** What a rollback did (or would do, with its plan). */
	public record Result(String from, String to, Plan plan) {
	}

	public Result rollback(StageSession session, int steps, String toVersion, ConsoleIo io) {
		return rollback(session, steps, toVersion, false, io);
	}

	public Result rollback(StageSession session, int steps, String toVersion, boolean dryRun, ConsoleIo io) {
		Plan plan = plan(session, steps, toVersion);
		String function = plan.function();
		if (plan.isEmpty()) {
			String current = ActualStateReader.aliases(session.clients(), function).get(ResourceNames.ALIAS);
			io.println(ResourceNames.ALIAS + " already points at version " + current + ": nothing to do.");
			return new Result(current, current, plan);
		}
		FunctionChanges.Alias change = (FunctionChanges.Alias) plan.changes().get(0);
		String from = (String) change.fields().get(0).before();
		String to = change.version().toString();
		if (dryRun) {
			io.println(PlanRenderer.render(plan, session.target(), session.clients().accountId()));
			return new Result(from, to, plan);
		}
		this.executor.execute(plan, session.clients(), line -> { });
		io.println("Rolled back " + function + ": " + ResourceNames.ALIAS + " " + from + " -> " + to);
		return new Result(from, to, plan);
	}

	/** The alias change: to {@code toVersion}, or {@code steps} published versions back. */
	public Plan plan(StageSession session, int steps, String toVersion) {
		String function = session.settings().functionName();
		if (ActualStateReader.function(session.clients(), function) == null) {
			throw new SettingsException("Function " + function + " is not deployed: nothing to roll back.");
		}
		String current = ActualStateReader.aliases(session.clients(), function).get(ResourceNames.ALIAS);
		if (current == null) {
			throw new SettingsException(function + " has no '" + ResourceNames.ALIAS + "' alias: deploy it first.");
		}
		List<ActualVersion> versions = ActualStateReader.versions(session.clients(), function);
		String target;
		if (toVersion != null && !toVersion.isBlank()) {
			target = versions.stream()
				.map(ActualVersion::version)
				.filter(toVersion::equals)
				.findFirst()
				.orElseThrow(() -> new SettingsException("Version " + toVersion + " of " + function
						+ " does not exist (--to). Published versions: " + versions.stream().map(ActualVersion::version).toList()));
		}
		else {
			if (steps < 1) {
				throw new SettingsException("-n must be 1 or more (versions to go back), not " + steps + ".");
			}
			int currentNumber = Integer.parseInt(current);
			List<ActualVersion> older = versions.stream().filter(v -> v.number() < currentNumber).toList();
			if (older.size() < steps) {
				throw new SettingsException("Cannot go back " + steps + " version(s) from version " + current + ": only "
						+ older.size() + " older version(s) are kept (serverless.deploy.retained-versions).");
			}
			target = older.get(older.size() - steps).version();
		}
		String stage = session.settings().stage();
		if (target.equals(current)) {
			return new Plan(stage, function, List.of(), List.of("alias " + ResourceNames.ALIAS + " -> version " + current),
					List.of());
		}
		return new Plan(stage, function, List.of(new FunctionChanges.Alias(Action.UPDATE, function, ResourceNames.ALIAS,
				Value.known(target), current + " -> " + target, List.of(FieldChange.of("version", current, target)))),
				List.of(), List.of());
	}

}
