package io.serverlessspring.boot.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.config.ConfigDataLocationNotFoundException;
import org.springframework.boot.context.config.UnsupportedConfigDataLocationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * {@code spring.config.import: aws-parameterstore:...} or {@code aws-secretsmanager:...} in an app
 * without the Spring Cloud AWS starter: no resolver takes the location, so Boot's file resolver
 * reads it as a file name and reports "Config data location ... does not exist" (a path ending in
 * {@code /}) or "Unable to load config data from ..." (any other). This names the dependency to
 * add instead; ordered before Boot's own analyzers.
 */
public class MissingSpringCloudAwsFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final Pattern UNABLE_TO_LOAD = Pattern.compile("Unable to load config data from '(.*)'");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String location = location(cause);
			String starter = (location == null) ? null
					: location.startsWith("aws-parameterstore:") ? "spring-cloud-aws-starter-parameter-store"
							: location.startsWith("aws-secretsmanager:") ? "spring-cloud-aws-starter-secrets-manager"
									: null;
			if (starter != null) {
				return new FailureAnalysis("spring.config.import names '" + location
						+ "', which Spring Cloud AWS reads, and its starter is not on the class path.",
						"Add the dependency io.awspring.cloud:" + starter + " (4.0.0) to the app, excluding"
								+ " software.amazon.awssdk:apache5-client, apache-client and netty-nio-client"
								+ " (see docs/secrets.md).",
						cause);
			}
		}
		return null;
	}

	private static String location(Throwable cause) {
		if (cause instanceof ConfigDataLocationNotFoundException notFound) {
			return notFound.getLocation().getValue();
		}
		if (cause instanceof UnsupportedConfigDataLocationException unsupported) {
			return unsupported.getLocation().getValue();
		}
		Matcher unableToLoad = (cause instanceof IllegalStateException && cause.getMessage() != null)
				? UNABLE_TO_LOAD.matcher(cause.getMessage()) : null;
		return (unableToLoad != null && unableToLoad.matches()) ? unableToLoad.group(1) : null;
	}

}
