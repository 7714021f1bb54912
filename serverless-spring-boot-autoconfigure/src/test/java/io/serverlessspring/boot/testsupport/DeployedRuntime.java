package io.serverlessspring.boot.testsupport;

import java.util.Map;

import io.serverlessspring.boot.routing.LambdaRuntime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Makes the test app believe it runs in Lambda: the variables the runtime sets for version 7 of petstore-dev. */
@TestConfiguration(proxyBeanMethods = false)
public class DeployedRuntime {

	@Bean
	public LambdaRuntime lambdaRuntime() {
		return new LambdaRuntime(Map.of("AWS_LAMBDA_FUNCTION_NAME", "petstore-dev", "AWS_LAMBDA_FUNCTION_VERSION", "7",
				"AWS_REGION", "us-east-1"));
	}

}
