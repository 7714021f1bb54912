package io.serverlessspring.boot.commands;

import java.util.Map;

import io.serverlessspring.boot.handler.ServerlessApplication;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Inside the function, actuator endpoints are for {@code manage} only: Boot's default web exposure
 * ({@code health}) would put {@code /actuator/health} behind the public API Gateway. This sets
 * {@code management.endpoints.web.exposure.include} to {@code none} (an id no endpoint has: an empty
 * list would mean Boot's default) as the weakest property source, so an app that sets it itself
 * (application.yml, environment, …) still exposes what it chose.
 */
public class ManageOnlyWebExposure implements EnvironmentPostProcessor {

	static final String PROPERTY = "management.endpoints.web.exposure.include";

	/** Matches no endpoint. */
	static final String NO_ENDPOINT = "none";

	static final String SOURCE_NAME = "serverlessManageOnlyWebExposure";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// Only behind ServerlessHandler: the same app run on Tomcat keeps Boot's defaults.
		if (ServerlessApplication.isStartingOnThisThread()) {
			applyTo(environment);
		}
	}

	static void applyTo(ConfigurableEnvironment environment) {
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(PROPERTY, NO_ENDPOINT)));
	}

}
