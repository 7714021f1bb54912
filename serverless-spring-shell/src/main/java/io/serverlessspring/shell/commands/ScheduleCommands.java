package io.serverlessspring.shell.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.shell.apply.Applier;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.events.ActualEventSources;
import io.serverlessspring.shell.events.EventSourcePlanner;
import io.serverlessspring.shell.events.EventSourceReader;
import io.serverlessspring.shell.events.EventSourceSpec;
import io.serverlessspring.shell.events.EventSources;
import io.serverlessspring.shell.events.Unscheduler;
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
import io.serverlessspring.shell.remote.RemoteInvoker;
import io.serverlessspring.shell.render.PlanRenderer;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.DRY_RUN;
import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;
import static io.serverlessspring.shell.cli.CommonOption.YES;

/**
 * {@code schedule} and {@code unschedule}: wire or unwire a deployed stage's schedules, keep-warm and
 * event sources without touching its code. {@code schedule} plans with deploy's own planner and
 * applier, keeping only the schedule and event-source steps.
 */
@Component
public class ScheduleCommands {

	private final StageSessions sessions;

	private final LambdaPackager packager;

	private final Applier applier;

	private final CommandSupport support;

	public ScheduleCommands(StageSessions sessions, LambdaPackager packager, Applier applier, CommandSupport support) {
		this.sessions = sessions;
		this.packager = packager;
		this.applier = applier;
		this.support = support;
	}

	@Command(name = "schedule", group = "Stages", description = "Create or update a stage's schedules, keep-warm and event sources",
			help = """
					schedule STAGE [--dry-run] [--json] [--yes] [--package ZIP] [--project DIR]

					Reads the app's manifest (@Scheduled methods, keep-warm, @ServerlessEventHandler and
					serverless.events.handlers) and converges the deployed stage to it: EventBridge
					Scheduler schedules (with time zones) in the stage's group and their role, SQS/DynamoDB/
					Kinesis event source mappings (batch size, window, starting position, filter, enabled),
					SNS subscriptions and S3 notifications with their invoke permissions. The function's
					code and configuration are left alone. deploy makes the same changes.
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  schedule prod --dry-run
					  schedule prod --yes
					  schedule dev --package target/serverless/petstore-dev.zip --yes
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES })
	public void schedule(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(longName = "package", description = "a zip made by 'package' instead of building", defaultValue = "") String packageFile,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		CommandSupport.notYet(options.json(), "schedule --json");
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				AwsClients clients = session.clients();
				RemoteInvoker.requireDeployed(clients, session.settings());
				LambdaPackage pkg = (packageFile != null && !packageFile.isBlank()) ? this.packager.read(Path.of(packageFile))
						: this.packager.packageStage(session.settings(), null, io::println);
				DesiredStage desired = DesiredStageFactory.create(session.settings(), pkg, clients.region(), clients.accountId());
				ActualStage actual = ActualStateReader.read(clients, StageNames.of(desired));
				Plan full = Planner.plan(desired, actual);
				List<Step> steps = new ArrayList<>(full.steps().stream().filter(step -> scheduling(step, desired)).toList());
				List<String> unchanged = new ArrayList<>(full.unchanged()
					.stream()
					.filter(u -> u.startsWith("schedule") || u.startsWith("event source"))
					.toList());
				List<EventSourceSpec> sources = EventSourceReader.resolve(clients,
						EventSources.from(pkg.manifest(), clients.region(), clients.accountId(), false));
				ActualEventSources wired = EventSourceReader.read(clients, desired.functionName(), desired.aliasArn(), sources);
				// Deploy's planner plans the mappings (kept above); SNS and S3 wiring is planned here, as deploy does.
				steps.addAll(EventSourcePlanner.plan(sources, wired, unchanged, true));
				Plan plan = new Plan(desired, actual, List.copyOf(steps), List.copyOf(unchanged));
				io.println(PlanRenderer.render(plan, session.target()));
				if (plan.isEmpty()) {
					io.println("Schedules and event sources of " + desired.functionName() + " are up to date.");
					return;
				}
				if (options.dryRun() || !io.confirm("Apply these " + plan.steps().size() + " changes to " + desired.functionName() + "?")) {
					io.println(options.dryRun() ? "Dry run: nothing changed." : "Nothing changed.");
					return;
				}
				long started = System.nanoTime();
				this.applier.apply(plan, clients, io::println);
				io.println("Scheduled " + desired.functionName() + ": " + desired.schedules().size() + " schedule(s), "
						+ sources.size() + " event source(s) in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
			}
		});
	}

	@Command(name = "unschedule", group = "Stages", description = "Remove a stage's schedules, keep-warm and event sources",
			help = """
					unschedule STAGE [--dry-run] [--json] [--yes] [--project DIR]

					Removes what 'schedule' wires: the stage's schedule group with its schedules, the
					event source mappings of the live alias, its SNS subscriptions and S3 notifications
					and their permissions. The function and its HTTP front stay. 'schedule' or 'deploy'
					puts them back.
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  unschedule dev --yes
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES })
	public void unschedule(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		CommandSupport.notYet(options.json(), "unschedule --json");
		// --dry-run: lists what it would remove, then the declined confirmation stops it.
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				String function = session.settings().functionName();
				Unscheduler unscheduler = new Unscheduler(session.clients(), function);
				List<String> found = unscheduler.find();
				if (found.isEmpty()) {
					io.println("No schedules or event sources on " + function + ": nothing to remove.");
					return;
				}
				found.forEach(item -> io.println("  - delete " + item));
				if (!io.confirm("Remove these " + found.size() + " from " + function + "?")) {
					io.println("Nothing changed.");
					return;
				}
				unscheduler.removeAll(io::println);
				io.println("Unscheduled " + function + " (" + Names.ALIAS + " stays deployed).");
			}
		});
	}

	/** The steps of deploy's plan that schedule owns: schedules, their group and role, event source mappings. */
	static boolean scheduling(Step step, DesiredStage desired) {
		String resource = step.resource();
		return resource.startsWith("schedule ") || resource.startsWith("schedule group ")
				|| resource.startsWith("event source mapping ")
				|| resource.contains(Names.schedulerRole(desired.functionName()));
	}

}
