package io.serverlessspring.shell.commands;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.plan.Counts;
import io.serverlessspring.shell.cli.TakesOptions;
import io.serverlessspring.shell.deploy.StageSessions;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.template.StageTemplate;
import io.serverlessspring.shell.template.TemplateFormat;
import io.serverlessspring.shell.template.TemplateWriter;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import static io.serverlessspring.shell.cli.CommonOption.PROJECT;

/** {@code template}: the stage as a CloudFormation or SAM template. */
@Component
public class TemplateCommand {

	private final StageSessions sessions;

	private final LambdaPackager packager;

	private final CommandSupport support;

	public TemplateCommand(StageSessions sessions, LambdaPackager packager, CommandSupport support) {
		this.sessions = sessions;
		this.packager = packager;
		this.support = support;
	}

	@Command(name = "template", group = "Stages", description = "Write the stage as a CloudFormation or SAM template",
			help = """
					template STAGE [-o FILE] [--format cloudformation|sam] [--package ZIP] [--project DIR]

					Writes everything deploy creates for the stage (role and least-privilege policy, log
					group, function, version, live alias, HTTP front with its CORS/authorizers/keys/limits,
					permissions, schedules and their role, event sources) as one template that deploys
					into any account and region (ARNs are Fn::Sub of AWS::Region and AWS::AccountId).
					The code comes from the CodeBucket/CodeKey parameters: upload the package there first.
					YAML by default; a FILE ending in .json gets JSON.
					  -o, --output FILE   the file to write (default: print)
					  --format F          cloudformation (default) or sam
					  --package ZIP       a zip made by 'package' instead of building

					Examples:
					  template prod -o prod.yml
					  template prod --format sam -o template.yaml
					  template dev --package target/serverless/petstore-dev.zip -o dev.json
					""")
	@TakesOptions(PROJECT)
	public void template(@Argument(index = 0, description = "the stage, e.g. dev", defaultValue = "") String stage,
			@Option(shortName = 'o', longName = "output", description = "the file to write (default: print)", defaultValue = "") String output,
			@Option(longName = "format", description = "cloudformation or sam", defaultValue = "cloudformation") String format,
			@Option(longName = "package", description = "a zip made by 'package' instead of building", defaultValue = "") String packageFile,
			CommandContext context) {
		CommonOptionValues options = CommonOptionValues.of(context);
		this.support.run(context, true, io -> {
			TemplateFormat dialect = TemplateFormat.of(format);
			StageSettings settings = this.sessions.settings(stage, options.projectOnly());
			boolean quiet = output == null || output.isBlank();
			LambdaPackage pkg = (packageFile != null && !packageFile.isBlank()) ? this.packager.read(Path.of(packageFile))
					: this.packager.packageStage(settings, null, quiet ? message -> { } : io::println);
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, StageTemplate.REGION, StageTemplate.ACCOUNT);
			Map<String, Object> template = StageTemplate.generate(desired, settings.properties(), pkg.manifest(), dialect);
			if (quiet) {
				io.println(TemplateWriter.yaml(template).stripTrailing());
				return;
			}
			Path file = Path.of(output);
			String text = file.getFileName().toString().endsWith(".json") ? TemplateWriter.json(template)
					: TemplateWriter.yaml(template);
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
			@SuppressWarnings("unchecked")
			int count = ((Map<String, Object>) template.get("Resources")).size();
			io.println("Wrote " + file + ": " + Counts.of(count, "resource") + " (" + dialect.name().toLowerCase() + ").");
			String bucket = desired.bucket().replace("${AWS::AccountId}", "<account>").replace("${AWS::Region}", "<region>");
			io.println("Upload the package first: aws s3 cp " + pkg.zip() + " s3://" + bucket + "/" + desired.code().key());
			if (desired.layer() != null) {
				io.println("and its dependency layer: aws s3 cp " + desired.layer().zip() + " s3://" + bucket + "/"
						+ desired.layer().key());
			}
			List<String> secrets = StageTemplate.secretParameters(template);
			if (!secrets.isEmpty()) {
				io.println("Secret variables are NoEcho parameters without a default: give " + String.join(", ", secrets)
						+ " when you create the stack.");
			}
		});
	}

}
