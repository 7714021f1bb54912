package io.serverlessspring.shell.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.serverlessspring.shell.apply.Applier;
import io.serverlessspring.shell.apply.ApplyContext;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.model.Names;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.plan.ActualStage;
import io.serverlessspring.shell.plan.ActualStateReader;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.Planner;
import io.serverlessspring.shell.plan.StageNames;
import io.serverlessspring.shell.plan.Step;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.render.PlanRenderer;

/**
 * Deploy and update: package, derive the desired stage, read what exists, print the plan, apply it,
 * touch the URL. One converging operation: it creates what is missing, updates what differs and
 * leaves the rest alone, so it completes a deploy that stopped half-way and is a no-op when nothing
 * changed.
 */
public class Deployer {

	private final LambdaPackager packager;

	private final Applier applier;

	private final UrlToucher toucher;

	public Deployer(LambdaPackager packager, Applier applier, UrlToucher toucher) {
		this.packager = packager;
		this.applier = applier;
		this.toucher = toucher;
	}

	/** What a deploy did. */
	public record Result(Plan plan, boolean applied, String version, String url) {
	}

	/**
	 * @param packageFile a zip made by {@code package}, or {@code null} to build one now
	 * @param dryRun print the plan only
	 */
	public Result deploy(StageSession session, Path packageFile, boolean dryRun, ConsoleIo io) {
		Consumer<String> progress = io::println;
		LambdaPackage pkg = (packageFile != null) ? this.packager.read(packageFile)
				: this.packager.packageStage(session.settings(), null, progress);
		pkg.warnings().forEach(warning -> io.println("Warning: " + warning));
		String account = session.clients().accountId();
		DesiredStage desired = DesiredStageFactory.create(session.settings(), pkg, session.target().region(), account,
				session.target().endpoint());
		ActualStage actual = ActualStateReader.read(session.clients(), StageNames.of(desired));
		Plan plan = withPushedEventSources(Planner.plan(desired, actual), session, pkg);
		io.println(PlanRenderer.render(plan, session.target()));
		if (dryRun || plan.isEmpty()) {
			String url = currentUrl(actual);
			if (plan.isEmpty() && url != null) {
				io.println("URL: " + url);
			}
			return new Result(plan, false, actual.aliases().get(Names.ALIAS), url);
		}
		if (!io.confirm("Apply these " + plan.steps().size() + " changes to " + desired.functionName() + "?")) {
			io.println("Nothing changed.");
			return new Result(plan, false, null, null);
		}
		long started = System.nanoTime();
		ApplyContext context = this.applier.apply(plan, session.clients(), progress);
		io.println(String.format("Deployed %s: %s -> version %s in %.1f s", desired.functionName(),
				Names.ALIAS,
				context.version() != null ? context.version()
						: actual.aliases().get(Names.ALIAS),
				(System.nanoTime() - started) / 1e9));
		String url = context.url();
		if (url != null) {
			io.println("URL: " + url);
			if (desired.touchPath() != null) {
				this.toucher.touch(url, desired.touchPath(), session.target(), io);
			}
		}
		return new Result(plan, true, context.version(), url);
	}

	/**
	 * SNS subscriptions and S3 notifications (sources that push to the function) are planned by the
	 * events package that {@code schedule} uses; the mappings (sources Lambda polls) by the planner.
	 */
	private static Plan withPushedEventSources(Plan plan, StageSession session, LambdaPackage pkg) {
		List<io.serverlessspring.shell.events.EventSourceSpec> pushed = io.serverlessspring.shell.events.EventSources
			.from(pkg.manifest(), session.target().region(), plan.desired().account(), false)
			.stream()
			.filter(spec -> !spec.mapping())
			.toList();
		if (pushed.isEmpty()) {
			return plan;
		}
		io.serverlessspring.shell.events.ActualEventSources actual = io.serverlessspring.shell.events.EventSourceReader
			.read(session.clients(), plan.desired().functionName(), plan.desired().aliasArn(), pushed);
		List<String> unchanged = new ArrayList<>(plan.unchanged());
		List<Step> steps = new ArrayList<>(plan.steps());
		steps.addAll(io.serverlessspring.shell.events.EventSourcePlanner.plan(pushed, actual, unchanged, true));
		return new Plan(plan.desired(), plan.actual(), List.copyOf(steps), List.copyOf(unchanged));
	}

	private static String currentUrl(ActualStage actual) {
		if (actual.httpApi() != null) {
			return actual.httpApi().endpoint();
		}
		if (actual.functionUrl() != null) {
			return actual.functionUrl().url();
		}
		return null;
	}

}
