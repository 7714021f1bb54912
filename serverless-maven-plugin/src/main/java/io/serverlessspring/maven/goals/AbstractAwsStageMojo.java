package io.serverlessspring.maven.goals;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import io.serverlessspring.maven.console.ConsoleCommandLine;

/** A stage goal that talks to the stage's AWS: {@code --profile}, {@code --region}, {@code --endpoint-url}. */
public abstract class AbstractAwsStageMojo extends AbstractStageMojo {

	/** The AWS profile (else the usual AWS variables and files). */
	@Parameter(property = "serverless.profile")
	String profile;

	/** The AWS region (else the stage's {@code serverless.deploy.region}, then AWS_REGION). */
	@Parameter(property = "serverless.region")
	String region;

	/** An AWS endpoint (an emulator); else {@code AWS_ENDPOINT_URL}. */
	@Parameter(property = "serverless.endpointUrl")
	String endpointUrl;

	/** {@code <command> STAGE [ARGUMENTS] --project DIR} and the AWS options that are set. */
	ConsoleCommandLine awsStageCommand(String command, String... arguments) throws MojoFailureException {
		return stageCommand(command, arguments).option("profile", this.profile)
			.option("region", this.region)
			.option("endpoint-url", this.endpointUrl);
	}

}
