package io.serverlessspring.boot.manifest;

import io.serverlessspring.boot.routing.LambdaRuntime;
import io.serverlessspring.boot.routing.LambdaRuntimeAutoConfiguration;
import io.serverlessspring.boot.settings.ServerlessProperties;
import io.serverlessspring.boot.settings.ServerlessSettingsAutoConfiguration;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The start-up check of the running context against the packaged manifest. */
@AutoConfiguration(after = { ServerlessSettingsAutoConfiguration.class, LambdaRuntimeAutoConfiguration.class })
public class ManifestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public ManifestDriftCheck serverlessManifestDriftCheck(ConfigurableListableBeanFactory beanFactory,
			Environment environment, ServerlessProperties properties, LambdaRuntime runtime) {
		return new ManifestDriftCheck(beanFactory, environment, properties, runtime);
	}

}
