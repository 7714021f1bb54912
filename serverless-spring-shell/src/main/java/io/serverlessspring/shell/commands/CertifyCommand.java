package io.serverlessspring.shell.commands;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.HttpDomainSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.certify.DomainCertifier;
import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.execute.Executor;
import io.serverlessspring.shell.model.StageTags;
import io.serverlessspring.shell.plan.CertifyChanges;
import io.serverlessspring.shell.plan.CertifyPlanner;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.render.PlanJson;
import io.serverlessspring.shell.render.PlanRenderer;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.HttpStateReader;
import io.serverlessspring.shell.remote.RemoteInvoker;
import io.serverlessspring.shell.settings.SettingsException;

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

/** {@code certify}: the stage's API on a custom domain, with its certificate and DNS records. */
@Component
public class CertifyCommand {

	/** How long certify waits for ACM to issue a certificate, and how often it asks. */
	private static final CertifyChanges.Waits WAITS = new CertifyChanges.Waits(Duration.ofMinutes(45), Duration.ofSeconds(5));

	private final StageSessions sessions;

	private final CommandSupport support;

	private final DomainCertifier certifier;

	public CertifyCommand(StageSessions sessions, CommandSupport support, Executor executor) {
		this.sessions = sessions;
		this.support = support;
		this.certifier = new DomainCertifier(executor);
	}

	@Command(name = "certify", group = "Stages", description = "Put a stage's API on a custom domain (certificate, domain, DNS)",
			help = """
					certify STAGE [--domain NAME] [--base-path PATH] [--certificate-arn ARN] [--dry-run] [--json] [--yes]

					For an http-api or rest-api stage: finds an ACM certificate for the domain or requests
					one (writing its DNS validation record to Route 53 when the hosted zone is there, then
					waiting for it to be issued), creates the API Gateway domain name and the API mapping
					at the base path, and writes the Route 53 alias record. Idempotent: a second run
					changes nothing. Without a hosted zone it prints the records to create.
					Settings: serverless.http.domain.name, .base-path, .certificate-arn, .hosted-zone-id.
					""" + CommandHelp.DRY_RUN + CommandHelp.JSON_PLAN + """

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  certify prod --domain api.example.com --yes
					  certify prod --domain example.com --base-path v1
					""")
	@TakesOptions({ PROJECT, AWS, DRY_RUN, JSON, YES })
	public void certify(@Argument(index = 0, description = "the stage, e.g. prod", defaultValue = "") String stage,
			@Option(longName = "domain", description = "the domain (default serverless.http.domain.name)", defaultValue = "") String domain,
			@Option(longName = "base-path", description = "the path the API is mapped at", defaultValue = "") String basePath,
			@Option(longName = "certificate-arn", description = "an existing certificate", defaultValue = "") String certificateArn,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, options, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				HttpSettings http = session.settings().properties().getHttp();
				HttpDomainSettings settings = http.getDomain();
				String name = firstOf(domain, settings.getName());
				if (name == null) {
					throw new SettingsException("No domain for stage '" + stage + "': pass --domain api.example.com or set "
							+ "serverless.http.domain.name in application-" + stage + ".yml.");
				}
				if (!name.matches("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}\\.?")) {
					throw new IllegalArgumentException("--domain '" + name + "' is not a domain name (e.g. api.example.com).");
				}
				String path = firstOf(basePath, settings.getBasePath(), http.getBasePath());
				path = (path == null) ? "" : path.replaceAll("^/+|/+$", "");
				RemoteInvoker.requireDeployed(session.clients(), session.settings());
				String function = session.settings().functionName();
				String apiId;
				String apiStage;
				ActualStage.ActualHttpApi httpApi = HttpStateReader.httpApi(session.clients(), function);
				if (httpApi != null) {
					apiId = httpApi.id();
					apiStage = "$default";
				}
				else {
					ActualStage.ActualRestApi restApi = HttpStateReader.restApi(session.clients(), function);
					if (restApi == null) {
						throw new SettingsException("Stage '" + stage + "' has no API Gateway front to put on a domain "
								+ "(serverless.http.type is " + http.getType().name().toLowerCase().replace('_', '-')
								+ "): certify needs http-api or rest-api, deployed with ./serverless deploy " + stage + ".");
					}
					apiId = restApi.id();
					apiStage = stage;
				}
				Map<String, String> tags = new LinkedHashMap<>();
				tags.put(StageTags.APP, session.settings().applicationName());
				tags.put(StageTags.STAGE, stage);
				tags.put(StageTags.MANAGED_BY, StageTags.MANAGER);
				DomainCertifier.Target target = new DomainCertifier.Target(name,
						firstOf(certificateArn, settings.getCertificateArn()), settings.getHostedZoneId());
				DomainCertifier.Planned planned = this.certifier.plan(session.clients(), target, new CertifyPlanner.Request(
						stage, function, path, apiId, apiStage, tags, WAITS));
				Plan plan = planned.plan();
				if (options.json()) {
					this.support.printJson(io, PlanJson.of(plan));
				}
				else {
					io.println("Certify " + name + (path.isEmpty() ? "" : "/" + path) + " -> API " + apiId + " (" + function + ")");
					io.println(PlanRenderer.render(plan, session.target(), session.clients().accountId()));
				}
				if (!plan.isEmpty()) {
					if (options.dryRun() || !io.confirm("Apply " + Counts.these(plan.changes().size(), "change") + " to " + name + "?")) {
						if (!options.json()) {
							io.println(options.dryRun() ? "Dry run: nothing changed." : "Nothing changed.");
						}
						return;
					}
					this.certifier.execute(planned, session.clients(), options.json() ? message -> { } : io::println);
				}
				if (options.json()) {
					return;
				}
				List<String> manual = (planned.actual().zone() == null)
						? DomainCertifier.manualRecords(session.clients(), target, path) : List.of();
				if (!manual.isEmpty()) {
					io.println("Create these DNS records where " + name + " is hosted, then run certify again:");
					manual.forEach(record -> io.println("  " + record));
					return;
				}
				io.println(plan.isEmpty() ? "Already certified: nothing changed." : "Certified.");
				io.println("URL: " + DomainCertifier.url(name, path));
			}
		});
	}

	private static String firstOf(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
