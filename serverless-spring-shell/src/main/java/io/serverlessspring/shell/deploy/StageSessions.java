package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.local.LocalCloudLauncher;
import io.serverlessspring.shell.settings.SettingsException;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Opens a stage: loads its settings and works out where its AWS is. Precedence: command-line
 * options, then the stage's {@code serverless.deploy.*}, then the AWS environment
 * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}, the profile's region).
 */
public class StageSessions {

	private final StageSettingsLoader loader;

	private final AwsClientFactory clients;

	private final LocalCloudLauncher localCloud;

	public StageSessions(StageSettingsLoader loader, AwsClientFactory clients, LocalCloudLauncher localCloud) {
		this.loader = loader;
		this.clients = clients;
		this.localCloud = localCloud;
	}

	public StageSettings settings(String stage, CommonOptions options) {
		Path project = Path.of((options.project() == null || options.project().isBlank()) ? "." : options.project());
		return this.loader.load(project, stage);
	}

	public StageSession open(String stage, CommonOptions options, Consumer<String> progress) {
		StageSettings settings = settings(stage, options);
		AwsTarget target = target(settings, options, progress);
		return new StageSession(settings, target, this.clients.clients(target));
	}

	AwsTarget target(StageSettings settings, CommonOptions options, Consumer<String> progress) {
		String profile = firstNonBlank(options.profile(), settings.properties().getDeploy().getProfile());
		URI endpoint = null;
		String configured = settings.properties().getDeploy().getEndpoint();
		if (options.endpointUrl() != null && !options.endpointUrl().isBlank()) {
			endpoint = uri(options.endpointUrl(), "--endpoint-url");
		}
		else if (settings.local()) {
			endpoint = this.localCloud.ensureRunning(progress);
		}
		else if (configured != null && !configured.isBlank()) {
			endpoint = uri(configured, "serverless.deploy.endpoint");
		}
		else if (System.getenv("AWS_ENDPOINT_URL") != null && !System.getenv("AWS_ENDPOINT_URL").isBlank()) {
			endpoint = uri(System.getenv("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL");
		}
		String region = firstNonBlank(options.region(), settings.properties().getDeploy().getRegion());
		if (region == null) {
			region = firstNonBlank(System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"));
		}
		if (region == null && endpoint != null) {
			region = "us-east-1";
		}
		if (region == null) {
			try {
				region = DefaultAwsRegionProviderChain.builder()
					.profileName(profile)
					.build()
					.getRegion()
					.id();
			}
			catch (RuntimeException ex) {
				throw new SettingsException("No AWS region for stage '" + settings.stage()
						+ "': set serverless.deploy.region in application-" + settings.stage()
						+ ".yml, pass --region, or set AWS_REGION.");
			}
		}
		return new AwsTarget(region, endpoint, profile);
	}

	private static URI uri(String value, String source) {
		try {
			URI uri = URI.create(value.trim());
			if (uri.getScheme() == null || uri.getHost() == null) {
				throw new IllegalArgumentException("no scheme or host");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new SettingsException(source + " = '" + value + "' is not a URL: expected e.g. http://localhost:4566");
		}
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
