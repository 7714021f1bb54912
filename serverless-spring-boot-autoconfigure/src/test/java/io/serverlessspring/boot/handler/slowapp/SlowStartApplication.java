package io.serverlessspring.boot.handler.slowapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An app whose start-up blocks until the test lets it finish: a stand-in for a slow init. */
@SpringBootApplication
public class SlowStartApplication {

	public static final CountDownLatch mayFinishStarting = new CountDownLatch(1);

	@Bean
	public String slowBean() throws InterruptedException {
		if (!mayFinishStarting.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The test never let the application finish starting");
		}
		return "started";
	}

}
