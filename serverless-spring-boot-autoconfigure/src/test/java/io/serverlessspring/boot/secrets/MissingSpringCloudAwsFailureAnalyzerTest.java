package io.serverlessspring.boot.secrets;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

import io.serverlessspring.boot.configapp.ConfigTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An app importing from Parameter Store or Secrets Manager without the Spring Cloud AWS starter.
 * The starter is on this module's test class path, so the app is started with a class loader that
 * hides its {@code spring.factories}: Boot then finds no resolver for the location, as it would
 * in an app without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingSpringCloudAwsFailureAnalyzerTest {

	static void startWithoutSpringCloudAws(String location) {
		ClassLoader hiding = new ClassLoader(MissingSpringCloudAwsFailureAnalyzerTest.class.getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return Collections.enumeration(Collections.list(super.getResources(name)).stream()
					.filter((url) -> !url.toString().contains("spring-cloud-aws-autoconfigure"))
					.toList());
			}

		};
		SpringApplication app = new SpringApplication(ConfigTestApplication.class);
		app.setResourceLoader(new DefaultResourceLoader(hiding));
		app.setWebApplicationType(WebApplicationType.NONE);
		app.run("--spring.config.import=" + location).close();
	}

	@Test
	void namesTheParameterStoreStarter(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startWithoutSpringCloudAws("aws-parameterstore:/petstore/prod/"));
		assertThat(output).contains("spring.config.import names 'aws-parameterstore:/petstore/prod/'")
			.contains("Add the dependency io.awspring.cloud:spring-cloud-aws-starter-parameter-store");
	}

	@Test
	void namesTheSecretsManagerStarter(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startWithoutSpringCloudAws("aws-secretsmanager:petstore/prod/db"));
		assertThat(output).contains("Add the dependency io.awspring.cloud:spring-cloud-aws-starter-secrets-manager");
	}

}
