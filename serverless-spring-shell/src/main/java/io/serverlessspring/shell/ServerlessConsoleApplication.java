package io.serverlessspring.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The {@code serverless>} console.
 *
 * <p>With arguments it runs one command and exits with its status (for CI); without, it opens the
 * interactive prompt. See {@link io.serverlessspring.shell.cli.ConsoleRunner}.
 */
@SpringBootApplication
public class ServerlessConsoleApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ServerlessConsoleApplication.class);
		if (args.length > 0) {
			// One-shot: no line reader on the terminal, close the context when the command is done.
			System.setProperty("spring.shell.interactive.enabled", "false");
		}
		System.exit(SpringApplication.exit(application.run(args)));
	}

}
