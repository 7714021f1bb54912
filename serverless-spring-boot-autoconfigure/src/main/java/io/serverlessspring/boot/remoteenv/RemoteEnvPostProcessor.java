package io.serverlessspring.boot.remoteenv;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.serverlessspring.boot.manifest.RemoteImportsSkipper;

/**
 * {@code serverless.function.remote-env: s3://bucket/key.json}: Zappa's {@code remote_env}. At
 * start-up, the keys of that JSON object become properties, right below system properties and
 * environment variables and above every {@code application*.yml}: the file in S3 overrides what
 * the package carries, while an environment variable set on the function (or {@code -D} when
 * run locally) still wins, so one value can be overridden in an emergency without editing S3.
 *
 * <p>An {@code EnvironmentPostProcessor} rather than a {@code ConfigDataLoader}: the location is a
 * {@code serverless.*} setting that the console reads too (to grant {@code s3:GetObject} on that
 * one object), not a second spelling in {@code spring.config.import}; it runs after the config
 * files are read, so {@code application-prod.yml} can name it. Nothing is loaded, and no S3 class
 * touched, when the setting is absent.
 */
public class RemoteEnvPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The setting naming the object. */
	public static final String PROPERTY = "serverless.function.remote-env";

	/** The name of the property source holding the object's keys. */
	public static final String PROPERTY_SOURCE = "serverlessRemoteEnv";

	@Override
	public int getOrder() {
		// After ConfigDataEnvironmentPostProcessor (highest precedence + 10): the setting may be in any config file.
		return Ordered.LOWEST_PRECEDENCE - 20;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String location = environment.getProperty(PROPERTY);
		if (!StringUtils.hasText(location) || RemoteImportsSkipper
			.atPackageTime(environment.getProperty(RemoteImportsSkipper.GENERATING, Boolean.class, false))) {
			return;
		}
		S3ObjectLocation object = S3ObjectLocation.parse(PROPERTY, location.trim());
		if (!ClassUtils.isPresent("software.amazon.awssdk.services.s3.S3Client", getClass().getClassLoader())) {
			throw new RemoteEnvException(PROPERTY + " = " + location
					+ " needs the AWS SDK's S3 client: add the dependency software.amazon.awssdk:s3 to the app");
		}
		Map<String, Object> properties = RemoteEnvJson.properties(object, new S3RemoteEnvReader().read(object));
		add(environment.getPropertySources(), new MapPropertySource(PROPERTY_SOURCE, properties));
	}

	private static void add(MutablePropertySources sources, MapPropertySource source) {
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
		}
		else {
			sources.addFirst(source);
		}
	}

}
