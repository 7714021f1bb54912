package io.serverlessspring.shell.cli;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Keeps the console's context to the auto-configurations it uses: Spring Shell's and property
 * placeholders. Everything else on its classpath (Jackson, HTTP clients, task executors, validation,
 * Spring Cloud Function, and every auto-configuration of {@code serverless-spring-boot-autoconfigure},
 * which belongs inside the function) stays out: the console builds its AWS clients and JSON mappers
 * itself, and each auto-configuration left out is start-up time saved on every command.
 */
public class ConsoleAutoConfigurationFilter implements AutoConfigurationImportFilter {

	private static final String SPRING_SHELL = "org.springframework.shell.";

	private static final Set<String> KEPT = Set.of(
			"org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
			"org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration");

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = candidate == null || candidate.startsWith(SPRING_SHELL) || KEPT.contains(candidate);
		}
		return matches;
	}

}
