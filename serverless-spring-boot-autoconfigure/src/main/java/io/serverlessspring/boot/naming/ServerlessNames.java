package io.serverlessspring.boot.naming;

import io.serverlessspring.boot.settings.ServerlessProperties;

import org.springframework.core.env.Environment;

/**
 * The default names the runtime and the manifest agree on: stage, function, and the task
 * resources derived from the function's name.
 */
public final class ServerlessNames {

	private final String application;

	private final String stage;

	private final String function;

	private ServerlessNames(String application, String stage, String function) {
		this.application = application;
		this.stage = stage;
		this.function = function;
	}

	/**
	 * Names from the settings: stage is {@code serverless.stage}, else {@code SERVERLESS_STAGE}, else
	 * the first active profile; the function is {@code serverless.function.name}, else
	 * {@code <spring.application.name>-<stage>}; {@code deployedFunction} (the running function's
	 * name) wins when given.
	 */
	public static ServerlessNames of(Environment environment, ServerlessProperties properties, String deployedFunction) {
		String application = environment.getProperty("spring.application.name", "application");
		String stage = firstNonBlank(properties.getStage(), environment.getProperty("SERVERLESS_STAGE"),
				(environment.getActiveProfiles().length > 0) ? environment.getActiveProfiles()[0] : null);
		String function = firstNonBlank(deployedFunction, properties.getFunction().getName(),
				(stage != null) ? application + "-" + stage : application);
		return new ServerlessNames(application, stage, function);
	}

	public String application() {
		return this.application;
	}

	/** The stage, or {@code null} when none is set. */
	public String stage() {
		return this.stage;
	}

	public String function() {
		return this.function;
	}

	/** Default name of the task resources (topic, queue, response table): {@code <function>-tasks}. */
	public String taskResource() {
		return ResourceNames.taskResource(this.function);
	}

	private static String firstNonBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
