package io.serverlessspring.shell.deploy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.packaging.PackagePreflight;
import io.serverlessspring.shell.init.ConsoleVersion;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.Planner;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.plan.WebSocketChanges;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.render.PlanRenderer;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.state.StageNames;

/**
 * Deploy and update: package, derive the desired stage, read what exists, plan, print the plan,
 * execute it, touch the URL. One converging operation: it creates what is missing, updates what
 * differs and leaves the rest alone, so it completes a deploy that stopped half-way and is a no-op
 * when nothing changed.
 */
public class Deployer {

	private final LambdaPackager packager;

	private final Executor executor;

	private final UrlToucher toucher;

	private final DeployHooks hooks;

	public Deployer(LambdaPackager packager, Executor executor, UrlToucher toucher, DeployHooks hooks) {
		this.packager = packager;
		this.executor = executor;
		this.toucher = toucher;
		this.hooks = hooks;
	}

	/** What a deploy did. */
	public record Result(Plan plan, boolean applied, String version, String url) {
	}

	/** The desired stage of a session's settings and a package, and what exists for it. */
	public record Planned(DesiredStage desired, ActualStage actual, Plan plan) {
	}

	public Result deploy(StageSession session, Path packageFile, boolean dryRun, ConsoleIo io) {
		return deploy(session, packageFile, dryRun, false, io);
	}

	/**
	 * @param packageFile a zip made by {@code package}, or {@code null} to build one now
	 * @param dryRun print the plan only
	 * @param json print nothing (the caller prints the plan as JSON); with {@code dryRun} change nothing
	 */
	public Result deploy(StageSession session, Path packageFile, boolean dryRun, boolean json, ConsoleIo io) {
		// with --json: plain lines on standard error (ConsoleIo's progress knows), standard output holds the JSON alone
		Consumer<String> progress = io.progress();
		// Hooks change things (that is their point): a dry run runs none. Their output stays off --json's stdout.
		Consumer<String> hookOutput = json ? System.err::println : io::println;
		requireCredentials(session);
		if (packageFile == null && !dryRun) {
			this.hooks.beforePackage(session.settings(), session.target(), hookOutput);
		}
		Planned planned = plan(session, packageFile, progress);
		Plan plan = planned.plan();
		ActualStage actual = planned.actual();
		DesiredStage desired = planned.desired();
		if (!json) {
			io.println(PlanRenderer.render(plan, session.target(), desired.account()));
		}
		if (dryRun || plan.isEmpty()) {
			String url = currentUrl(session, actual);
			if (plan.isEmpty() && url != null && !json) {
				io.println("URL: " + url);
			}
			if (!dryRun) {
				this.hooks.afterDeploy(session.settings(), session.target(), actual.aliases().get(ResourceNames.ALIAS), url,
						hookOutput);
			}
			return new Result(plan, false, actual.aliases().get(ResourceNames.ALIAS), url);
		}
		if (!io.confirm("Apply " + Counts.these(plan.changes().size(), "change") + " to " + desired.functionName() + "?")) {
			io.println("Nothing changed.");
			return new Result(plan, false, null, null);
		}
		long started = System.nanoTime();
		Map<String, String> outputs = this.executor.execute(plan, session.clients(), progress);
		String version = outputs.getOrDefault(Value.VERSION, actual.aliases().get(ResourceNames.ALIAS));
		progress.accept(String.format("Deployed %s: %s -> version %s (plan applied in %.1f s)", desired.functionName(),
				ResourceNames.ALIAS, version, (System.nanoTime() - started) / 1e9));
		String url = outputs.containsKey(Value.URL) ? outputs.get(Value.URL) : currentUrl(session, actual);
		if (url != null) {
			progress.accept("URL: " + url);
			if (desired.touchPath() != null && !json) {
				TouchReport.check(this.toucher.touch(url, desired.touchPath(), session.target(), io), session, desired,
						version, started, io);
			}
		}
		if (outputs.containsKey(WebSocketChanges.URL)) {
			progress.accept("WebSocket URL: " + outputs.get(WebSocketChanges.URL));
		}
		this.hooks.afterDeploy(session.settings(), session.target(), version, url, hookOutput);
		return new Result(plan, true, version, url);
	}

	/** Packages (or reads the package), derives the desired stage, reads what exists and plans. No change. */
	public Planned plan(StageSession session, Path packageFile, Consumer<String> progress) {
		requireCredentials(session);
		if (packageFile != null) {
			// before the package is read: an app without the starter is named as such, whatever else differs
			PackagePreflight.check(packageFile, ConsoleVersion.current());
		}
		LambdaPackage pkg = (packageFile != null) ? this.packager.read(packageFile)
				: this.packager.packageStage(session.settings(), null, progress);
		if (packageFile == null) {
			PackagePreflight.check(pkg.zip(), ConsoleVersion.current());
		}
		String builtFor = (pkg.info() != null) ? pkg.info().stage() : null;
		if (builtFor != null && !builtFor.equals(session.settings().stage())) {
			// Spring AOT decides profiles and conditions when packaging: the function runs as the stage it was built for
			progress.accept("Warning: " + pkg.zip().getFileName() + " was packaged for stage '" + builtFor
					+ "', not '" + session.settings().stage() + "': with Spring AOT it starts with " + builtFor
					+ "'s profiles and settings. Package it for " + session.settings().stage() + " (package "
					+ session.settings().stage() + ") unless that is what you want.");
		}
		pkg.warnings().forEach(warning -> progress.accept("Warning: " + warning));
		LambdaPackager.refuseOverLimit(pkg);
		String account = session.clients().accountId();
		DesiredStage desired = DesiredStageFactory.create(session.settings(), pkg, session.target().region(), account,
				session.target().endpoint());
		ActualStage actual = ActualStateReader.read(session.clients(), StageNames.of(desired));
		return new Planned(desired, actual, Planner.plan(desired, actual));
	}

	/**
	 * Asks STS who the credentials are (asked once per session, the plan needs the account anyway)
	 * before anything is built: missing or rejected credentials fail in a second, not after the build.
	 */
	private static void requireCredentials(StageSession session) {
		session.clients().accountId();
	}

	/** Executes a plan made by {@link #plan} (schedule, certify). */
	public Map<String, String> execute(Plan plan, StageSession session, Consumer<String> progress) {
		return this.executor.execute(plan, session.clients(), progress);
	}

	private static String currentUrl(StageSession session, ActualStage actual) {
		if (actual.httpApi() != null) {
			return actual.httpApi().endpoint();
		}
		if (actual.functionUrl() != null) {
			return actual.functionUrl().url();
		}
		if (actual.restApi() != null) {
			return io.serverlessspring.shell.state.HttpStateReader.restApiUrl(session.target(), actual.restApi().id(),
					session.settings().stage());
		}
		if (!actual.alb().rules().isEmpty()) {
			return io.serverlessspring.shell.state.AlbStateReader.url(session.clients(), actual.alb().rules().get(0).listenerArn());
		}
		return null;
	}

}
