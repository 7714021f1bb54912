package io.serverlessspring.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The {@code serverless>} console. */
@SpringBootApplication
public class ServerlessConsoleApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServerlessConsoleApplication.class, args);
	}

}
