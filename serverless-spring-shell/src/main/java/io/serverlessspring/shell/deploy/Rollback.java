package io.serverlessspring.shell.deploy;

import java.util.List;

import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.plan.ActualStage.ActualVersion;
import io.serverlessspring.shell.plan.ActualStateReader;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.settings.SettingsException;

/**
 * Rollback: points the live alias at an earlier published version. Nothing is rebuilt or
 * re-uploaded: the version already holds that code and configuration, so it is instant. Versions
 * are read page by page, so any number of them works.
 */
public class Rollback {

	/** What a rollback did. */
	public record Result(String from, String to) {
	}

	public Result rollback(StageSession session, int steps, String toVersion, ConsoleIo io) {
		String function = session.settings().functionName();
		if (ActualStateReader.function(session.clients(), function) == null) {
			throw new SettingsException("Function " + function + " is not deployed: nothing to roll back.");
		}
		String current = ActualStateReader.aliases(session.clients(), function).get(Names.ALIAS);
		if (current == null) {
			throw new SettingsException(function + " has no '" + Names.ALIAS + "' alias: deploy it first.");
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
		if (target.equals(current)) {
			io.println(Names.ALIAS + " already points at version " + current + ": nothing to do.");
			return new Result(current, current);
		}
		String chosen = target;
		session.clients().lambda().updateAlias(b -> b.functionName(function).name(Names.ALIAS).functionVersion(chosen));
		io.println("Rolled back " + function + ": " + Names.ALIAS + " " + current + " -> " + chosen);
		return new Result(current, chosen);
	}

}
