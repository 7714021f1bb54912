package io.serverlessspring.shell.init;

/**
 * The answers {@code init} writes to {@code application-<stage>.yml}, and how they are written:
 * each setting with a comment saying what it does and what else it can be.
 *
 * @param application the application name (for the header)
 * @param stage the stage
 * @param region the AWS region
 * @param bucket the package bucket, or {@code null} for the console's default bucket
 * @param httpType the HTTP front, as the setting spells it ({@code http-api}, ...)
 * @param memory memory in MB
 * @param endpoint an emulator endpoint ({@code local} or a URL), or {@code null} for AWS
 * @param touchPath the GET path deploy calls once after applying, or {@code null} to let deploy pick one
 */
public record StageFile(String application, String stage, String region, String bucket, String httpType, int memory,
		String endpoint, String touchPath) {

	public StageFile(String application, String stage, String region, String bucket, String httpType, int memory,
			String endpoint) {
		this(application, stage, region, bucket, httpType, memory, endpoint, null);
	}

	public String fileName() {
		return "application-" + this.stage + ".yml";
	}

	public String render() {
		StringBuilder yaml = new StringBuilder();
		yaml.append("# Serverless Spring settings of the '").append(this.stage).append("' stage of ")
			.append(this.application).append(".\n");
		yaml.append("# Read by the app when it runs with this profile and by the console:\n");
		yaml.append("#   mvn serverless:deploy -Dserverless.stage=").append(this.stage).append("\n");
		yaml.append("# Every serverless.* key is listed in docs/settings.md.\n");
		yaml.append("serverless:\n");
		yaml.append("  deploy:\n");
		yaml.append("    # The AWS region the stage lives in.\n");
		yaml.append("    region: ").append(this.region).append('\n');
		if (this.bucket != null) {
			yaml.append("    # The S3 bucket the packages are uploaded to (created when missing).\n");
			yaml.append("    bucket: ").append(this.bucket).append('\n');
		}
		else {
			yaml.append("    # The S3 bucket the packages are uploaded to; by default\n");
			yaml.append("    # serverless-spring-<account>-<region>, created when missing.\n");
			yaml.append("    # bucket: my-deployments\n");
		}
		if (this.endpoint != null) {
			yaml.append("    # Where AWS calls go: 'local' is the embedded local cloud (no AWS account needed).\n");
			yaml.append("    endpoint: ").append(this.endpoint).append('\n');
		}
		if (this.touchPath != null) {
			yaml.append("    # The GET path deploy calls once after applying (it starts the first execution\n");
			yaml.append("    # environment and shows whether the app answers); 'touch: false' for none.\n");
			yaml.append("    touch-path: ").append(this.touchPath).append('\n');
		}
		else {
			yaml.append("    # The GET path deploy calls once after applying; unset: one your controllers map.\n");
			yaml.append("    # touch-path: /hello\n");
		}
		yaml.append("  function:\n");
		yaml.append("    # Memory in MB, 128 to 10240; Lambda gives CPU in proportion to it.\n");
		yaml.append("    memory: ").append(this.memory).append('\n');
		yaml.append("  http:\n");
		yaml.append("    # The HTTP front: http-api (API Gateway HTTP API), rest-api, function-url, alb or none.\n");
		yaml.append("    type: ").append(this.httpType).append('\n');
		return yaml.toString();
	}

}
