package io.serverlessspring.boot.configapp;

import java.net.URI;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.PropertySource;

/**
 * An app with no beans of its own, started by the secrets and remote-env tests with their
 * {@code spring.config.import} / {@code serverless.function.remote-env} as arguments.
 */
@SpringBootApplication
@PropertySource("classpath:config-testapp.properties")
public class ConfigTestApplication {

	/**
	 * Starts the app with its AWS clients pointed at {@code endpoint} the way {@code AWS_ENDPOINT_URL}
	 * points them inside Lambda or a local cloud: the SDK's endpoint setting, here in its
	 * system-property form {@code aws.endpointUrl} (a test cannot set its own environment).
	 */
	public static ConfigurableApplicationContext startAgainst(URI endpoint, String... args) {
		System.setProperty("aws.endpointUrl", endpoint.toString());
		try {
			return new SpringApplicationBuilder(ConfigTestApplication.class).web(WebApplicationType.NONE).run(args);
		}
		finally {
			System.clearProperty("aws.endpointUrl");
		}
	}

}
