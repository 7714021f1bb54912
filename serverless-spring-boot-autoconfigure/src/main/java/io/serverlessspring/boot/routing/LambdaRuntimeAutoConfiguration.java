package io.serverlessspring.boot.routing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Where the function runs ({@link LambdaRuntime}), from the process environment unless a test gives its own. */
@AutoConfiguration
public class LambdaRuntimeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	public LambdaRuntime lambdaRuntime() {
		return LambdaRuntime.fromEnvironment();
	}

}
