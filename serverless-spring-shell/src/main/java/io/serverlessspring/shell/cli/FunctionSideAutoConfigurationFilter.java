package io.serverlessspring.shell.cli;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps every auto-configuration of {@code serverless-spring-boot-autoconfigure} out of the console.
 *
 * <p>The console depends on that jar for {@code ServerlessProperties} and its metadata only; the
 * handler, routes and runtime beans belong inside the function.
 */
public class FunctionSideAutoConfigurationFilter implements AutoConfigurationImportFilter {

	private static final String FUNCTION_SIDE = "io.serverlessspring.boot.";

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || !candidate.startsWith(FUNCTION_SIDE);
		}
		return matches;
	}

}
