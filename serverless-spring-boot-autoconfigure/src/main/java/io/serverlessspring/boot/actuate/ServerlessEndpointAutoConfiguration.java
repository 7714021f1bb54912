package io.serverlessspring.boot.actuate;

import io.serverlessspring.boot.manifest.ManifestAutoConfiguration;
import io.serverlessspring.boot.manifest.ManifestDriftCheck;
import io.serverlessspring.boot.routing.LambdaRuntime;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code serverless} actuator endpoint, when the app has the actuator and the endpoint is available. */
@AutoConfiguration(after = ManifestAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
public class ServerlessEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	public ServerlessEndpoint serverlessEndpoint(ManifestDriftCheck manifest, LambdaRuntime runtime) {
		return new ServerlessEndpoint(manifest, runtime);
	}

}
