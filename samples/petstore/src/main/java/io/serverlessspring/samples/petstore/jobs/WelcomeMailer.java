package io.serverlessspring.samples.petstore.jobs;

import io.serverlessspring.boot.tasks.ServerlessTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends the welcome note to a new owner. Slow work that the caller should not wait for: deployed,
 * a call becomes an asynchronous invoke of this same function and returns at once.
 */
@Component
public class WelcomeMailer {

	private static final Logger logger = LoggerFactory.getLogger(WelcomeMailer.class);

	@ServerlessTask
	public void sendWelcome(String owner, long petId) {
		// A real app would call its mail service here.
		logger.info("Welcome, {}! Pet {} is yours.", owner, petId);
	}

}
