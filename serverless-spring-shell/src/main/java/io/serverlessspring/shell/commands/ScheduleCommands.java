package io.serverlessspring.shell.commands;

import java.nio.file.Path;

import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageScheduler;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.remote.RemoteInvoker;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.render.PlanJson;
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
 * event sources without touching its code: plans ({@link StageScheduler}) run by deploy's executor.
 */
@Component
public class ScheduleCommands {

	private final StageSessions sessions;

	private final StageScheduler scheduler;

	private final CommandSupport support;

	public ScheduleCommands(StageSessions sessions, StageScheduler scheduler, CommandSupport support) {
		this.sessions = sessions;
		this.scheduler = scheduler;
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
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				Plan plan = this.scheduler.schedulePlan(session,
						(packageFile != null && !packageFile.isBlank()) ? Path.of(packageFile) : null,
						options.json() ? message -> { } : io::println);
				run(plan, session, options, io, "Schedules and event sources of " + plan.function() + " are up to date.",
						"Scheduled " + plan.function() + ".");
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
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				Plan plan = this.scheduler.unschedulePlan(session);
				run(plan, session, options, io, "No schedules or event sources on " + plan.function() + ": nothing to remove.",
						"Unscheduled " + plan.function() + " (" + ResourceNames.ALIAS + " stays deployed).");
			}
		});
	}

	/** Prints the plan (text or JSON), asks, executes. */
	private void run(Plan plan, StageSession session, CommonOptionValues options, ConsoleIo io, String upToDate,
			String done) {
		if (!options.json()) {
			io.println(PlanRenderer.render(plan, session.target(), session.clients().accountId()));
		}
		if (plan.isEmpty()) {
			if (options.json()) {
				this.support.printJson(io, PlanJson.of(plan));
			}
			else {
				io.println(upToDate);
			}
			return;
		}
		if (options.dryRun() || !io.confirm("Apply " + Counts.these(plan.changes().size(), "change") + " to " + plan.function() + "?")) {
			if (options.json()) {
				this.support.printJson(io, PlanJson.of(plan));
			}
			else {
				io.println(options.dryRun() ? "Dry run: nothing changed." : "Nothing changed.");
			}
			return;
		}
		this.scheduler.execute(plan, session, options.json() ? message -> { } : io::println);
		if (options.json()) {
			this.support.printJson(io, PlanJson.of(plan));
		}
		else {
			io.println(done);
		}
	}

}
