package io.serverlessspring.boot.secrets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Stops start-up when a non-optional {@code spring.config.import} of {@code aws-parameterstore:}
 * found no parameter at all. Spring Cloud AWS treats an empty path as an empty property source, so
 * a typo in the path, or parameters created in another region, would start the app without its
 * settings and fail later, far from the cause. {@code optional:aws-parameterstore:...} is allowed
 * to find nothing.
 */
public class EmptyParameterPathCheck implements EnvironmentPostProcessor, Ordered {

	static final String PREFIX = "aws-parameterstore:";

	private static final String OPTIONAL = "optional:";

	private static final String PROPERTY_SOURCE_CLASS = "io.awspring.cloud.parameterstore.ParameterStorePropertySource";

	private static final Pattern IMPORT = Pattern.compile("spring\\.config\\.import(\\[\\d+])?");

	@Override
	public int getOrder() {
		// After ConfigDataEnvironmentPostProcessor (highest precedence + 10): the imports are loaded.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		List<String> empty = new ArrayList<>();
		Set<String> optional = null;
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (isParameterStoreSource(source) && ((EnumerablePropertySource<?>) source).getPropertyNames().length == 0) {
				if (optional == null) {
					optional = optionalContexts(environment);
				}
				String context = source.getName().substring(PREFIX.length());
				if (!optional.contains(context)) {
					empty.add(context);
				}
			}
		}
		if (!empty.isEmpty()) {
			throw new MissingParametersException(empty, environment.getProperty("AWS_REGION"));
		}
	}

	private static boolean isParameterStoreSource(PropertySource<?> source) {
		for (Class<?> type = source.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(PROPERTY_SOURCE_CLASS)) {
				return source.getName().startsWith(PREFIX);
			}
		}
		return false;
	}

	/** The parameter paths imported as {@code optional:aws-parameterstore:...} anywhere in the environment. */
	private static Set<String> optionalContexts(ConfigurableEnvironment environment) {
		Set<String> contexts = new HashSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (IMPORT.matcher(name).matches() && source.getProperty(name) != null) {
						for (String location : String.valueOf(source.getProperty(name)).split(",")) {
							String trimmed = location.trim();
							if (trimmed.startsWith(OPTIONAL + PREFIX)) {
								for (String context : trimmed.substring((OPTIONAL + PREFIX).length()).split(";")) {
									contexts.add(context.trim());
								}
							}
						}
					}
				}
			}
		}
		return contexts;
	}

	/** No parameter under the imported paths. */
	public static class MissingParametersException extends IllegalStateException {

		MissingParametersException(List<String> paths, String region) {
			super("spring.config.import: no parameter found in SSM Parameter Store under " + String.join(", ", paths)
					+ ((region != null) ? " (region " + region + ")" : "")
					+ ". Create them (aws ssm put-parameter --name " + paths.get(0) + "<name> ...), check the path and"
					+ " the region, or import it as optional:" + PREFIX + paths.get(0) + " to start without them.");
		}

	}

}
