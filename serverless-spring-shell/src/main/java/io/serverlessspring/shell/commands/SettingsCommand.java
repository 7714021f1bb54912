package io.serverlessspring.shell.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.settings.ResolvedSettings;
import io.serverlessspring.shell.settings.SettingValue;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.JSON;
import static io.serverlessspring.shell.cli.CommonOption.PROJECT;

/** {@code settings}: what a stage's {@code serverless.*} settings resolve to, and where each comes from. */
@Component
public class SettingsCommand {

	// Wider values push the origin right rather than widen every line.
	private static final int VALUE_WIDTH = 32;

	private final StageSettingsLoader loader;

	private final CommandSupport support;

	public SettingsCommand(StageSettingsLoader loader, CommandSupport support) {
		this.loader = loader;
		this.support = support;
	}

	@Command(name = "settings", group = "Stages", description = "Show a stage's resolved settings and where each comes from",
			help = """
					settings STAGE [--json] [--project DIR]

					Prints every serverless.* setting the stage resolves to, as deploy uses it, each with
					where it comes from: the file and line (application.yml, the files of the stages it
					extends, marked "extended stage", its own file) or "default". Text values whose name
					looks secret (password, secret, token, key, credential, private, auth, signature,
					session), or that come from a ${...} placeholder with such a name, print as ****.
					Reads files only: no AWS call, no build.
					  --json              print {"stage", "profiles", "settings": [{"name", "value", "origin"}]}
					  --project DIR       the project folder (default: current directory)

					Examples:
					  settings dev
					  settings prod --json
					  settings local --project samples/petstore
					""")
	@TakesOptions({ PROJECT, JSON })
	public void settings(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			ResolvedSettings resolved = this.loader.resolve(Path.of(options.target().project()), stage);
			StageSettings settings = resolved.settings();
			if (options.json()) {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("stage", settings.stage());
				json.put("profiles", settings.profiles());
				json.put("settings", resolved.values());
				this.support.printJson(io, json);
				return;
			}
			io.println(render(resolved));
		});
	}

	static String render(ResolvedSettings resolved) {
		StageSettings settings = resolved.settings();
		StringBuilder out = new StringBuilder();
		out.append("Stage ").append(settings.stage()).append(" of ").append(settings.applicationName())
			.append(" (function ").append(settings.functionName()).append(")\n");
		out.append("Profiles: ").append(String.join(", ", settings.profiles())).append('\n');
		out.append("Files (later wins): ")
			.append(String.join(" < ", settings.sources().stream().map(file -> file.getFileName().toString()).toList()))
			.append("\n\n");
		List<SettingValue> values = resolved.values();
		int nameWidth = values.stream().mapToInt(value -> value.name().length()).max().orElse(0);
		int valueWidth = Math.min(VALUE_WIDTH, values.stream().mapToInt(value -> value.value().length()).max().orElse(0));
		for (SettingValue value : values) {
			out.append(pad(value.name(), nameWidth)).append("  ").append(pad(value.value(), valueWidth)).append("  ")
				.append(value.origin()).append('\n');
		}
		return out.toString().stripTrailing();
	}

	private static String pad(String text, int width) {
		return (text.length() >= width) ? text : text + " ".repeat(width - text.length());
	}

}
