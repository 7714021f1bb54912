package io.serverlessspring.boot.secrets;

import io.awspring.cloud.autoconfigure.config.parameterstore.SsmClientCustomizer;
import io.awspring.cloud.autoconfigure.config.secretsmanager.SecretsManagerClientCustomizer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistryInitializer;
import org.springframework.util.ClassUtils;

/**
 * Puts the clients Spring Cloud AWS builds for {@code spring.config.import} of
 * {@code aws-parameterstore:} and {@code aws-secretsmanager:} on the SDK's URL-connection HTTP
 * client, as the rest of the function: small and quick to load, and chosen even when an app's
 * dependencies also bring the Apache or Netty client (the SDK would otherwise pick Apache).
 *
 * <p>Service errors name the parameter path or secret ({@link NamedResourceErrors}).
 *
 * <p>Region, credentials and endpoint stay the SDK's own resolution, which inside Lambda reads
 * the runtime's {@code AWS_REGION} and credential variables, and {@code AWS_ENDPOINT_URL} (or
 * {@code spring.cloud.aws.endpoint}) when pointed at a local cloud. An app that registers its own
 * customizer in the bootstrap registry replaces this one.
 *
 * <p>Does nothing without Spring Cloud AWS on the class path: those classes are only touched
 * after the presence checks.
 */
public class SecretsClientsInitializer implements BootstrapRegistryInitializer {

	static final String PARAMETER_STORE_CUSTOMIZER = "io.awspring.cloud.autoconfigure.config.parameterstore.SsmClientCustomizer";

	static final String SECRETS_MANAGER_CUSTOMIZER = "io.awspring.cloud.autoconfigure.config.secretsmanager.SecretsManagerClientCustomizer";

	@Override
	public void initialize(BootstrapRegistry registry) {
		ClassLoader classLoader = getClass().getClassLoader();
		if (ClassUtils.isPresent(PARAMETER_STORE_CUSTOMIZER, classLoader)
				&& ClassUtils.isPresent("software.amazon.awssdk.services.ssm.SsmClient", classLoader)) {
			ParameterStore.register(registry);
		}
		if (ClassUtils.isPresent(SECRETS_MANAGER_CUSTOMIZER, classLoader)
				&& ClassUtils.isPresent("software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
						classLoader)) {
			SecretsManager.register(registry);
		}
	}

	/**
	 * SDK types only in nested classes: the verifier loads the types a method's body uses, so one
	 * here would make this initializer fail to load in an app without the AWS SDK (the starter's).
	 */
	private static final class NamedErrors {

		/** Keeps what Spring Cloud AWS configured (its user agent) and adds {@link NamedResourceErrors}. */
		static ClientOverrideConfiguration add(ClientOverrideConfiguration configured) {
			ClientOverrideConfiguration.Builder builder = (configured != null) ? configured.toBuilder()
					: ClientOverrideConfiguration.builder();
			return builder.addExecutionInterceptor(new NamedResourceErrors()).build();
		}

	}

	/** Loaded only when the parameter-store starter is present. */
	private static final class ParameterStore {

		static void register(BootstrapRegistry registry) {
			SsmClientCustomizer customizer = (builder) -> builder.httpClientBuilder(UrlConnectionHttpClient.builder())
				.overrideConfiguration(NamedErrors.add(builder.overrideConfiguration()));
			registry.registerIfAbsent(SsmClientCustomizer.class, BootstrapRegistry.InstanceSupplier.of(customizer));
		}

	}

	/** Loaded only when the secrets-manager starter is present. */
	private static final class SecretsManager {

		static void register(BootstrapRegistry registry) {
			SecretsManagerClientCustomizer customizer = (builder) -> builder
				.httpClientBuilder(UrlConnectionHttpClient.builder())
				.overrideConfiguration(NamedErrors.add(builder.overrideConfiguration()));
			registry.registerIfAbsent(SecretsManagerClientCustomizer.class,
					BootstrapRegistry.InstanceSupplier.of(customizer));
		}

	}

}
