package io.serverlessspring.shell.model;

import java.util.Comparator;

import io.serverlessspring.boot.settings.DeploySettings;
import io.serverlessspring.shell.packaging.HttpGetMappings;

/**
 * The path deploy calls after applying: {@code serverless.deploy.touch-path} when set, else one the
 * app really answers: {@code /} when a controller maps it, else the shortest GET mapping, else the
 * actuator's health when the actuator is in the package, else none. A guessed path that 404s would
 * read as a failed deploy.
 */
public final class TouchPath {

	static final String ACTUATOR_HEALTH = "/actuator/health";

	private TouchPath() {
	}

	/** The path to touch, or {@code null} for no touch. */
	public static String choose(DeploySettings deploy, HttpGetMappings.Found found) {
		if (!deploy.isTouch()) {
			return null;
		}
		if (deploy.getTouchPath() != null && !deploy.getTouchPath().isBlank()) {
			return deploy.getTouchPath().trim();
		}
		if (found.paths().contains("/")) {
			return "/";
		}
		return found.paths()
			.stream()
			.min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
			.orElse(found.actuator() ? ACTUATOR_HEALTH : null);
	}

}
