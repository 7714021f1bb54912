package io.serverlessspring.boot.routing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Where the function runs ({@link LambdaRuntime}), from the process environment (or properties of the same names, for tests). */
@AutoConfiguration
public class LambdaRuntimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public LambdaRuntime lambdaRuntime(Environment environment) {
		return LambdaRuntime.from(environment);
	}

}
