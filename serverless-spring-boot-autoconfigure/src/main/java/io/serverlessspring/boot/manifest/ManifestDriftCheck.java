package io.serverlessspring.boot.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.settings.ServerlessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * At start, compares what the running context declares with the packaged
 * {@code serverless-manifest.json} and logs a warning per difference (a schedule changed since
 * the deployment created it, a handler whose source nobody created...). Never stops the function.
 */
public class ManifestDriftCheck implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ManifestDriftCheck.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final ServerlessProperties properties;

	private final LambdaRuntime runtime;

	private final Resource manifest;

	private volatile List<String> differences = List.of();

	public ManifestDriftCheck(ConfigurableListableBeanFactory beanFactory, Environment environment,
			ServerlessProperties properties, LambdaRuntime runtime) {
		this(beanFactory, environment, properties, runtime, new ClassPathResource(DeploymentManifest.FILE_NAME));
	}

	public ManifestDriftCheck(ConfigurableListableBeanFactory beanFactory, Environment environment,
			ServerlessProperties properties, LambdaRuntime runtime, Resource manifest) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.properties = properties;
		this.runtime = runtime;
		this.manifest = manifest;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.differences = check();
	}

	/** The differences found at start. */
	public List<String> differences() {
		return this.differences;
	}

	/** The manifest of the running context. */
	public DeploymentManifest running() {
		List<RuntimeException> problems = new ArrayList<>();
		return ManifestBuilder.build(this.beanFactory, this.environment, this.properties, null,
				this.runtime.functionName().orElse(null), problems::add);
	}

	List<String> check() {
		if (!this.manifest.exists()) {
			logger.debug("No {} on the class path: nothing to compare", DeploymentManifest.FILE_NAME);
			return List.of();
		}
		DeploymentManifest packaged;
		try (InputStream in = this.manifest.getInputStream()) {
			packaged = ManifestJson.read(in);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Manifest drift: cannot read the packaged {}: {}", DeploymentManifest.FILE_NAME, ex.getMessage());
			return List.of("unreadable manifest: " + ex.getMessage());
		}
		List<String> found = ManifestBuilder.differences(packaged, running());
		found.forEach((difference) -> logger.warn("Manifest drift: {}", difference));
		return found;
	}

}
