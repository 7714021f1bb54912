package io.serverlessspring.shell.commands;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSession;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.render.ConsoleIo;
import io.serverlessspring.shell.secrets.SecretLocations;
import io.serverlessspring.shell.secrets.SecretStore;
import io.serverlessspring.shell.secrets.StageSecrets;
import io.serverlessspring.shell.settings.SettingsException;
import io.serverlessspring.shell.settings.StageSettings;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.AWS;
import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;
import static io.serverlessspring.shell.cli.CommonOption.YES;

/**
 * {@code secrets set|list|remove}: a stage's secrets in Parameter Store (SecureString) or Secrets
 * Manager, where its {@code spring.config.import} reads them. A value goes in from standard input
 * or a prompt without echo, never from the command line (shell history), and never comes out.
 */
@Component
public class SecretsCommands {

	private static final String GROUP = "Secrets";

	// Parameter Store's standard tier; Secrets Manager takes 65,536 bytes.
	private static final int PARAMETER_MAX = 4096;

	private static final int SECRET_MAX_BYTES = 65536;

	private final StageSessions sessions;

	private final CommandSupport support;

	public SecretsCommands(StageSessions sessions, CommandSupport support) {
		this.sessions = sessions;
		this.support = support;
	}

	@Command(name = { "secrets", "set" }, group = GROUP, description = "Store a secret of a stage (value from stdin or a prompt)",
			help = """
					secrets set STAGE NAME [--store parameter-store|secrets-manager] [--if-absent] [--json] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Stores the value of NAME for the stage, replacing an earlier one. The value is read from
					standard input when it is not a terminal (all of it, less one final newline), else asked
					for without echo; it is never an argument (shell history) and never printed.
					  --store S           parameter-store (default): SecureString /<application>/<stage>/NAME,
					                      read by spring.config.import: aws-parameterstore:/<application>/<stage>/
					                      secrets-manager: secret <application>/<stage>/NAME,
					                      read by spring.config.import: aws-secretsmanager:<application>/<stage>/NAME
					  --if-absent         keep the value NAME already has (seeding in a hook, idempotent)
					  --json              print {"stage", "name", "store", "location", "version", "created", "kept", "import"}

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  secrets set prod db.password
					  printf %s "$DB_PASSWORD" | serverless secrets set prod db.password
					  secrets set prod stripe.api-key --store secrets-manager < key.txt
					""")
	@TakesOptions({ PROJECT, AWS, JSON })
	public void set(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Argument(index = 1, description = "the property name, e.g. db.password", defaultValue = "") String name,
			@Option(longName = "store", description = "parameter-store (default) or secrets-manager", defaultValue = "parameter-store") String store,
			@Option(longName = "if-absent", description = "keep the value NAME already has", defaultValue = "false") boolean ifAbsent,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			StageSettings settings = this.sessions.settings(stage, options.target());
			SecretStore where = SecretStore.of(store);
			SecretLocations locations = SecretLocations.of(settings);
			SecretLocations.checked(name);
			String value = readValue(context.inputReader(), name, settings.stage(), where);
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				StageSecrets.Stored stored;
				try {
					stored = new StageSecrets(session.clients(), locations).set(name, where, value, ifAbsent);
				}
				catch (RuntimeException ex) {
					throw redacted(ex, value);
				}
				String importEntry = locations.importEntry(where, name);
				if (options.json()) {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("stage", settings.stage());
					json.put("name", stored.name());
					json.put("store", stored.store().id());
					json.put("location", stored.location());
					json.put("version", stored.version());
					json.put("created", stored.created());
					json.put("kept", stored.kept());
					json.put("import", importEntry);
					this.support.printJson(io, json);
					return;
				}
				String what = ((where == SecretStore.PARAMETER_STORE) ? "SecureString parameter " : "Secrets Manager secret ")
						+ stored.location();
				io.println(stored.kept() ? "Kept " + name + " of stage " + settings.stage() + ": " + what
						+ " already has a value (--if-absent)."
						: (stored.created() ? "Created " : "Updated ") + name + " of stage " + settings.stage() + ": "
								+ what + " (version " + stored.version() + ").");
				if (imports(settings, where, locations, name)) {
					io.println("The function reads it at its next start (deploy or update publishes one).");
				}
				else {
					io.println("The stage does not import it yet: add to application-" + settings.stage()
							+ ".yml  spring.config.import: " + importEntry);
				}
			}
		});
	}

	@Command(name = { "secrets", "list" }, group = GROUP, description = "List a stage's secrets: names, store, last change (never values)",
			help = """
					secrets list STAGE [--json] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Lists the stage's secrets in both stores: SecureString (and other) parameters directly
					under /<application>/<stage>/ and Secrets Manager secrets named <application>/<stage>/NAME,
					with when each last changed. Reads names and dates only: values are never fetched.
					  --json              print {"stage", "parameterPath", "secretPrefix", "secrets": [{"name", "store", "location", "lastChanged"}]}

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  secrets list prod
					  secrets list local --project samples/petstore --json
					""")
	@TakesOptions({ PROJECT, AWS, JSON })
	public void list(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				SecretLocations locations = SecretLocations.of(session.settings());
				List<StageSecrets.Entry> entries = new StageSecrets(session.clients(), locations).list();
				if (options.json()) {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("stage", session.settings().stage());
					json.put("parameterPath", locations.parameterPath());
					json.put("secretPrefix", locations.secretPrefix());
					json.put("secrets", entries.stream().map(SecretsCommands::json).toList());
					this.support.printJson(io, json);
					return;
				}
				io.println(render(session.settings().stage(), locations, entries));
			}
		});
	}

	@Command(name = { "secrets", "remove" }, group = GROUP, description = "Delete a stage's secret (from the store that has it)",
			help = """
					secrets remove STAGE NAME [--yes] [--json] [--project DIR] [--profile P] [--region R] [--endpoint-url URL]

					Deletes NAME of the stage from the store(s) that have it: the parameter, or the Secrets
					Manager secret at once (no recovery window). A function that imports it without
					optional: no longer starts after its next deploy.
					  -y, --yes           remove without asking
					  --json              print {"stage", "name", "removed": [{"name", "store", "location", "lastChanged"}]}

					""" + CommandHelp.COMMON_OPTIONS + """
					Examples:
					  secrets remove prod old.api-key
					  secrets remove dev db.password --yes
					""")
	@TakesOptions({ PROJECT, AWS, JSON, YES })
	public void remove(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Argument(index = 1, description = "the property name, e.g. db.password", defaultValue = "") String name,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, options, io -> {
			SecretLocations.checked(name);
			try (StageSession session = this.sessions.open(stage, options.target(),
					options.json() ? message -> { } : io::println)) {
				io.setTarget(session.target());
				SecretLocations locations = SecretLocations.of(session.settings());
				StageSecrets secrets = new StageSecrets(session.clients(), locations);
				List<StageSecrets.Entry> found = secrets.find(name);
				if (found.isEmpty()) {
					throw new SettingsException("Stage '" + session.settings().stage() + "' has no secret '" + name
							+ "' (no parameter " + locations.parameter(name) + ", no secret " + locations.secret(name)
							+ "): 'secrets list " + session.settings().stage() + "' shows what it has.");
				}
				List<String> where = found.stream().map(entry -> entry.store().id() + " " + entry.location()).toList();
				if (!io.confirm("Remove " + name + " of stage " + session.settings().stage() + " (" + String.join(", ", where)
						+ ")?")) {
					io.println("Nothing changed.");
					return;
				}
				secrets.remove(found);
				if (options.json()) {
					Map<String, Object> json = new LinkedHashMap<>();
					json.put("stage", session.settings().stage());
					json.put("name", name);
					json.put("removed", found.stream().map(SecretsCommands::json).toList());
					this.support.printJson(io, json);
					return;
				}
				io.println("Removed " + String.join(" and ", where) + ".");
			}
		});
	}

	/** The value, from piped standard input or a prompt without echo. */
	private static String readValue(InputReader input, String name, String stage, SecretStore store) {
		char[] value;
		try {
			value = input.readPassword("Value of " + name + " for stage " + stage + " (not shown): ");
		}
		catch (Exception ex) {
			value = null;
		}
		if (value == null) {
			throw new SettingsException("No value for " + name + ": pipe it in (printf %s \"$VALUE\" | serverless secrets set "
					+ stage + " " + name + ") or run in a terminal to be asked for it.");
		}
		String text = new String(value);
		Arrays.fill(value, ' ');
		if (text.isEmpty()) {
			throw new SettingsException("The value for " + name + " is empty (nothing on standard input): nothing stored.");
		}
		if (store == SecretStore.PARAMETER_STORE && text.length() > PARAMETER_MAX) {
			throw new SettingsException("The value for " + name + " has " + text.length()
					+ " characters; a Parameter Store parameter takes at most " + PARAMETER_MAX
					+ ": use --store secrets-manager.");
		}
		if (text.getBytes(StandardCharsets.UTF_8).length > SECRET_MAX_BYTES) {
			throw new SettingsException("The value for " + name + " is larger than " + SECRET_MAX_BYTES
					+ " bytes, the most Secrets Manager takes.");
		}
		return text;
	}

	/** An error that quotes the value (some services echo invalid input) with the value masked. */
	private static RuntimeException redacted(RuntimeException ex, String value) {
		String message = String.valueOf(ex.getMessage());
		return message.contains(value) ? new IllegalStateException(message.replace(value, "****")) : ex;
	}

	/** Whether the stage's {@code spring.config.import} reads this secret. */
	private static boolean imports(StageSettings settings, SecretStore store, SecretLocations locations, String name) {
		String wanted = (store == SecretStore.PARAMETER_STORE) ? "aws-parameterstore:" : "aws-secretsmanager:";
		String location = (store == SecretStore.PARAMETER_STORE) ? locations.parameterPath() : locations.secret(name);
		for (String entry : settings.configImports()) {
			int at = entry.indexOf(wanted);
			if (at >= 0) {
				for (String context : entry.substring(at + wanted.length()).split(";")) {
					String bare = context.contains("?") ? context.substring(0, context.indexOf('?')) : context;
					String path = bare.trim().endsWith("/") ? bare.trim() : bare.trim() + "/";
					if (bare.trim().equals(location) || path.equals(location)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static Map<String, Object> json(StageSecrets.Entry entry) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", entry.name());
		json.put("store", entry.store().id());
		json.put("location", entry.location());
		json.put("lastChanged", (entry.lastChanged() != null) ? entry.lastChanged().truncatedTo(ChronoUnit.SECONDS).toString() : null);
		return json;
	}

	static String render(String stage, SecretLocations locations, List<StageSecrets.Entry> entries) {
		String where = "Parameter Store " + locations.parameterPath() + ", Secrets Manager " + locations.secretPrefix();
		if (entries.isEmpty()) {
			return "No secrets for stage " + stage + " (" + where + "). Add one with: secrets set " + stage + " NAME";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "NAME", "STORE", "LAST CHANGE" });
		for (StageSecrets.Entry entry : entries) {
			rows.add(new String[] { entry.name(), entry.store().id(),
					(entry.lastChanged() != null) ? entry.lastChanged().truncatedTo(ChronoUnit.SECONDS).toString() : "-" });
		}
		int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
		int storeWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
		StringBuilder out = new StringBuilder("Secrets of stage " + stage + " (" + where + ")\n\n");
		for (String[] row : rows) {
			out.append(String.format("%-" + nameWidth + "s  %-" + storeWidth + "s  %s%n", row[0], row[1], row[2]));
		}
		return out.toString().stripTrailing();
	}

}
