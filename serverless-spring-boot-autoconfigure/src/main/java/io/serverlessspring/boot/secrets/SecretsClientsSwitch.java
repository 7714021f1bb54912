package io.serverlessspring.boot.secrets;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Keeps Spring Cloud AWS from building an SSM or Secrets Manager client at start-up when the app
 * imports nothing from that service: with its starter on the class path, its auto-configuration
 * creates the client bean anyway, an SDK client built on the cold-start path for nothing.
 *
 * <p>Runs after the config data has been loaded. When a {@code spring.config.import} of
 * {@code aws-parameterstore:} (or {@code aws-secretsmanager:}) was resolved, Spring Cloud AWS has
 * registered its client in the bootstrap context and hands it to the application context; when
 * not, this sets {@code spring.cloud.aws.parameterstore.enabled} (or
 * {@code spring.cloud.aws.secretsmanager.enabled}) to {@code false} as a default, below every
 * other property source: an app that wants the client bean without an import sets it to
 * {@code true}.
 */
public class SecretsClientsSwitch implements EnvironmentPostProcessor, Ordered {

	/** The property source holding the defaults set here. */
	public static final String PROPERTY_SOURCE = "serverlessUnusedSecretsClients";

	static final String PARAMETER_STORE_ENABLED = "spring.cloud.aws.parameterstore.enabled";

	static final String SECRETS_MANAGER_ENABLED = "spring.cloud.aws.secretsmanager.enabled";

	private final ConfigurableBootstrapContext bootstrapContext;

	public SecretsClientsSwitch(ConfigurableBootstrapContext bootstrapContext) {
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		// After ConfigDataEnvironmentPostProcessor (highest precedence + 10): the imports are resolved.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (unused("software.amazon.awssdk.services.ssm.SsmClient", SecretsClientsInitializer.PARAMETER_STORE_CUSTOMIZER)) {
			defaults.put(PARAMETER_STORE_ENABLED, "false");
		}
		if (unused("software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
				SecretsClientsInitializer.SECRETS_MANAGER_CUSTOMIZER)) {
			defaults.put(SECRETS_MANAGER_ENABLED, "false");
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
		}
	}

	/** The service's starter is present but no import of it was resolved. */
	private boolean unused(String clientClassName, String starterClassName) {
		ClassLoader classLoader = getClass().getClassLoader();
		if (!ClassUtils.isPresent(starterClassName, classLoader) || !ClassUtils.isPresent(clientClassName, classLoader)) {
			return false;
		}
		return !this.bootstrapContext.isRegistered(ClassUtils.resolveClassName(clientClassName, classLoader));
	}

}
