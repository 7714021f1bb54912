package io.serverlessspring.shell.commands;

import java.nio.file.Path;

import io.serverlessspring.shell.init.AwsCredentials;
import io.serverlessspring.shell.init.ComponentFlowPrompter;
import io.serverlessspring.shell.init.ConsoleVersion;
import io.serverlessspring.shell.init.InitOptions;
import io.serverlessspring.shell.init.ProfileRegion;
import io.serverlessspring.shell.init.ProjectDetector;
import io.serverlessspring.shell.init.ProjectInitializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.jline.tui.component.flow.ComponentFlow;
import org.springframework.stereotype.Component;

/** {@code init}: sets a Spring Boot project up for serverless, interactively or by flags. */
@Component
public class InitCommand {

	private final ObjectProvider<ComponentFlow.Builder> flows;

	private final CommandSupport support;

	public InitCommand(ObjectProvider<ComponentFlow.Builder> flows, CommandSupport support) {
		this.flows = flows;
		this.support = support;
	}

	@Command(name = "init", group = "Project",
			description = "Set a Spring Boot project up: add the starter to pom.xml, write application-<stage>.yml",
			help = """
					init: set a Spring Boot project up for serverless.

					Finds the app (main class, spring.application.name, Maven coordinates, GET mappings),
					asks for the stage, where it runs (the local cloud, the default when no AWS credentials
					are found, or AWS), region (default: your AWS profile's), bucket, HTTP front, memory and
					the GET path deploy calls to check the app; adds the starter
					(io.serverlessspring:serverless-spring-boot-starter) and the Maven plugin
					(serverless-maven-plugin) to pom.xml when missing, with this console's version (showing
					the diff); writes src/main/resources/application-<stage>.yml with comments; prints the
					command that deploys the stage. An existing stage file is never replaced without
					--force or a yes.

					Options:
					  --project DIR      the app's folder (default: the current one)
					  --stage NAME       stage to set up (default dev)
					  --region REGION    AWS region (default: AWS_REGION or the profile's, else us-east-1)
					  --profile NAME     AWS profile whose region is the default
					  --bucket NAME      package bucket ('default': serverless-spring-<account>-<region>)
					  --http-type TYPE   http-api | rest-api | function-url | alb | none (default http-api)
					  --memory MB        128 to 10240 (default 1024)
					  --endpoint WHERE   'local' (the embedded local cloud), 'aws', or an emulator URL
					                     (default: local when no AWS credentials are found, else aws)
					  --touch-path PATH  GET path deploy calls after applying, or 'none' (default: one of
					                     the app's GET mappings, '/' first)
					  --yes              ask nothing: flags, else defaults (for CI)
					  --force            replace an existing application-<stage>.yml
					  --skip-pom         leave pom.xml alone (no starter, no plugin)

					Examples:
					  init                                         (asks everything)
					  init --project samples/petstore --stage prod --region eu-west-1 --yes
					  init --stage local --yes                     (no AWS credentials: the local cloud)
					  init --stage local --endpoint local --http-type function-url --touch-path /hello --yes
					""")
	public void init(CommandContext context, @Option(longName = "project", defaultValue = ".") String project,
			@Option(longName = "stage") String stage, @Option(longName = "region") String region,
			@Option(longName = "profile") String profile, @Option(longName = "bucket") String bucket,
			@Option(longName = "http-type") String httpType, @Option(longName = "memory") Integer memory,
			@Option(longName = "endpoint") String endpoint, @Option(longName = "yes") boolean yes,
			@Option(longName = "force") boolean force, @Option(longName = "skip-pom") boolean skipPom,
			@Option(longName = "touch-path") String touchPath) {
		InitOptions options = new InitOptions(Path.of(project), stage, region, profile, bucket, httpType, memory,
				endpoint, yes, force, skipPom, touchPath);
		ProjectInitializer initializer = new ProjectInitializer(new ProjectDetector(), () -> ProfileRegion.of(profile),
				ConsoleVersion::current, () -> AwsCredentials.found(profile));
		// Answers every question from the flags and defaults with --yes; InitException reports what to fix.
		this.support.run(context, yes,
				io -> initializer.run(options, new ComponentFlowPrompter(this.flows.getObject()), io.out()));
	}

}
