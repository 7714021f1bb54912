package io.serverlessspring.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code serverless>} console.
 *
 * <p>With arguments it runs one command and exits with its status (for CI); without, it opens the
 * interactive prompt. See {@link io.serverlessspring.shell.cli.ConsoleRunner}.
 */
// No @Bean methods here: without proxyBeanMethods the class is not subclassed with CGLIB at every start.
@SpringBootApplication(proxyBeanMethods = false)
public class ServerlessConsoleApplication {

	private static final String BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

	public static void main(String[] args) {
		// Boot warms Jackson, message converters and validation on a background thread, for a web app's
		// first request; a command never uses them, and on a busy machine that thread takes CPU from the
		// command (bench/console). A system property: Boot reads it before any configuration.
		if (System.getProperty(BACKGROUND_PREINITIALIZER) == null) {
			System.setProperty(BACKGROUND_PREINITIALIZER, "true");
		}
		SpringApplication application = new SpringApplication(ServerlessConsoleApplication.class);
		if (args.length > 0) {
			// One-shot: no line reader on the terminal, close the context when the command is done.
			System.setProperty("spring.shell.interactive.enabled", "false");
		}
		System.exit(SpringApplication.exit(application.run(args)));
	}

}
