package io.serverlessspring.shell.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.DeployHooks;
import io.serverlessspring.shell.deploy.Deployer;
import io.serverlessspring.shell.deploy.Rollback;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.status.StatusReader;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.render.PlanJson;
import io.serverlessspring.shell.deploy.Undeployer;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.packaging.PackagePreflight;
import io.serverlessspring.shell.init.ConsoleVersion;
import io.serverlessspring.shell.render.StatusRenderer;
import io.serverlessspring.shell.settings.StageSettings;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.DRY_RUN;
import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;
import static io.serverlessspring.shell.cli.CommonOption.VERBOSE;
import static io.serverlessspring.shell.cli.CommonOption.YES;

/**
 * The stage commands: package, deploy, update, status, rollback, undeploy. Thin: parse options,
 * call the pipeline, render.
 */
@Component
public class StageCommands {

	private static final String GROUP = "Stages";

	private final StageSessions sessions;

	private final LambdaPackager packager;

	private final Deployer deployer;

	private final Rollback rollback;

	private final StatusReader status;

	private final Undeployer undeployer;

	private final CommandSupport support;

	private final DeployHooks hooks;

	public StageCommands(StageSessions sessions, LambdaPackager packager, Deployer deployer, Rollback rollback,
			StatusReader status, Undeployer undeployer, CommandSupport support, DeployHooks hooks) {
		this.hooks = hooks;
		this.sessions = sessions;
		this.packager = packager;
		this.deployer = deployer;
		this.rollback = rollback;
		this.status = status;
		this.undeployer = undeployer;
		this.support = support;
	}

	@Command(name = "package", group = GROUP, description = "Build the project and assemble its Lambda zip and dependency layer",
			help = """
					package STAGE [-o FILE] [--project DIR] [--verbose]

					Builds the project with Maven and writes two reproducible zips: the function (classes
					at the root, serverless-manifest.json, serverless-package-info.json) and, beside it as
					<name>-dependencies.zip, the dependency layer (java/lib/*.jar), which deploy publishes
					once and every stage with the same dependencies shares.
					  -o, --output FILE   where to write the function zip (default: target/serverless/<function>.zip)
					  --project DIR       the project folder (default: current directory)
					  --verbose           show Maven's output instead of the progress line

					Examples:
					  package dev
					  package prod -o build/petstore-prod.zip --project samples/petstore
					""")
	@TakesOptions({ PROJECT, VERBOSE })
	public void packageStage(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(shortName = 'o', longName = "output", description = "where to write the zip", defaultValue = "") String output,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			StageSettings settings = this.sessions.settings(stage, options.projectOnly());
			this.hooks.beforePackage(settings, null, io::println);
			LambdaPackage pkg = this.packager.packageStage(settings, (output == null || output.isBlank()) ? null : Path.of(output), io.progress());
			PackagePreflight.check(pkg.zip(), ConsoleVersion.current());
			pkg.warnings().forEach(warning -> io.println("Warning: " + warning));
			io.println("Package: " + pkg.zip() + " (" + pkg.size() + " bytes)");
			if (pkg.layer() != null) {
				io.println("Dependency layer: " + pkg.layer().zip() + " (" + pkg.layer().size() + " bytes, "
						+ pkg.layer().jars() + " jars, layer " + pkg.layer().shortHash() + ")");
			}
			io.println("CodeSha256: " + pkg.codeSha256());
		});
	}

	@Command(name = "deploy", group = GROUP, description = "Deploy a stage: create what is missing, update what differs",
			help = """
					deploy STAGE [--dry-run] [--json] [--yes] [--package ZIP] [--verbose] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Packages the app, prints the plan (what to create, update, remove) and applies it.
					A deploy stopped half-way is completed by the next one; an identical one writes nothing.
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """
					  -y, --yes           apply without asking (CI)
					  --package ZIP       deploy a zip made by 'package' instead of building now
					  --verbose           show Maven's output instead of the build's progress line

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  deploy dev --dry-run
					  deploy prod --yes
					  deploy local --project samples/petstore --yes
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES, VERBOSE })
	public void deploy(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(longName = "package", description = "deploy this zip (from 'package') instead of building", defaultValue = "") String packageFile,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		converge(stage, packageFile, options, context);
	}

	@Command(name = "update", group = GROUP, description = "Update a stage (the same converging operation as deploy)",
			help = """
					update STAGE [--dry-run] [--json] [--yes] [--package ZIP] [--verbose] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					The same converging operation as deploy: prints the plan and applies it.
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """
					  -y, --yes           apply without asking (CI)
					  --package ZIP       deploy a zip made by 'package' instead of building now
					  --verbose           show Maven's output instead of the build's progress line

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  update dev --yes
					  update prod --package target/serverless/petstore-prod.zip --yes
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES, VERBOSE })
	public void update(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(longName = "package", description = "deploy this zip (from 'package') instead of building", defaultValue = "") String packageFile,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		converge(stage, packageFile, options, context);
	}

	private void converge(String stage, String packageFile, CommonOptionValues options, CommandContext context) {
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				Deployer.Result result = this.deployer.deploy(session,
						(packageFile == null || packageFile.isBlank()) ? null : Path.of(packageFile), options.dryRun(),
						options.json(), io);
				if (options.json()) {
					this.support.printJson(io, PlanJson.of(result.plan()));
				}
			}
		});
	}

	@Command(name = "status", group = GROUP, description = "Show a stage: configuration, alias, URL, schedules, metrics",
			help = """
					status STAGE [--json] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Shows the deployed stage: configuration, live alias and version, URL, schedules,
					event sources and recent metrics.
					  --json              print JSON

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  status dev
					  status prod --json
					""")
	@TakesOptions({ PROJECT, AWS, JSON })
	public void status(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				StatusReader.StageStatus result = this.status.read(session.clients(), session.settings());
				if (options.json()) {
					this.support.printJson(io, result);
				}
				else {
					io.println(StatusRenderer.render(result));
				}
			}
		});
	}

	@Command(name = "rollback", group = GROUP, description = "Point the live alias at an earlier version, instantly",
			help = """
					rollback STAGE [-n N] [--to VERSION] [--json] [--dry-run] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Points the live alias at an earlier published version, instantly.
					  -n, --number N      versions to go back (default 1)
					  --to VERSION        the version to go to
					  --json              print {from, to} and the plan as JSON
					""" + CommandHelp.DRY_RUN + """

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  rollback prod
					  rollback prod -n 2
					  rollback prod --to 7
					""")
	@TakesOptions({ PROJECT, AWS, JSON, DRY_RUN })
	public void rollback(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(shortName = 'n', longName = "number", description = "versions to go back (default 1)", defaultValue = "1") String number,
			@Option(longName = "to", description = "the version to go to", defaultValue = "") String to,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				Rollback.Result result = this.rollback.rollback(session, versionsBack(number), to, options.dryRun(), io);
				if (options.json()) {
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("from", result.from());
					body.put("to", result.to());
					body.putAll(PlanJson.of(result.plan()));
					this.support.printJson(io, body);
				}
			}
		});
	}

	private static int versionsBack(String number) {
		String value = (number == null || number.isBlank()) ? "1" : number.trim();
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new io.serverlessspring.shell.settings.SettingsException(
					"-n takes a whole number of versions to go back, not '" + value + "'.");
		}
	}

	@Command(name = "undeploy", group = GROUP, description = "Remove everything deploy made for a stage",
			help = """
					undeploy STAGE [--remove-logs] [--dry-run] [--json] [--yes] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Removes everything deploy made for the stage (found by name and tags).
					  --remove-logs       also delete the log group
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """
					  -y, --yes           remove without asking

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  undeploy dev --yes
					  undeploy dev --remove-logs --yes
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES })
	public void undeploy(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(longName = "remove-logs", description = "also delete the log group", defaultValue = "false") boolean removeLogs,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					io::println)) {
				io.setTarget(session.target());
				if (options.json()) {
					Plan plan = this.undeployer.plan(session, removeLogs);
					if (!options.dryRun() && !plan.isEmpty()
							&& io.confirm("Remove " + Counts.these(plan.changes().size(), "resource") + "?")) {
						this.undeployer.execute(plan, session, line -> { });
					}
					this.support.printJson(io, PlanJson.of(plan));
					return;
				}
				this.undeployer.undeploy(session, removeLogs, options.dryRun(), io);
			}
		});
	}

}
