package io.serverlessspring.boot.badapp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** An app with a schedule EventBridge cannot run: every 30 seconds. */
@SpringBootConfiguration
@ComponentScan
public class BadScheduleApplication {

	@Component
	public static class Ticker {

		@Scheduled(fixedRate = 30_000)
		public void tick() {
		}

	}

}
