package io.serverlessspring.boot.configapp;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link ConfigTestApplication} with the given arguments in a JVM of its own and prints
 * {@code name=value} for each {@code -Dprint=name,...} property: for tests that need the
 * environment variables Lambda gives a function, which a test cannot set in its own JVM.
 */
public final class PrintPropertiesMain {

	private PrintPropertiesMain() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConfigTestApplication.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			for (String name : System.getProperty("print", "").split(",")) {
				System.out.println("property " + name + "=" + app.getEnvironment().getProperty(name));
			}
		}
	}

}
