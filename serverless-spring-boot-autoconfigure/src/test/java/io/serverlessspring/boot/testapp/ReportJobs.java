package io.serverlessspring.boot.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled methods of the test app. They record into their own list: locally Spring's scheduler
 * also runs them, whenever it likes.
 */
@Component
public class ReportJobs {

	private final List<String> runs = new CopyOnWriteArrayList<>();

	@Scheduled(cron = "${reports.nightly-cron:0 30 2 * * MON-FRI}", zone = "Europe/Paris")
	public void nightlyReport() {
		this.runs.add("nightlyReport");
	}

	@Scheduled(fixedRateString = "${reports.refresh:PT15M}")
	public void refreshCache() {
		this.runs.add("refreshCache");
	}

	@Scheduled(cron = "0 0 * * * *")
	@Scheduled(fixedDelay = 30, timeUnit = TimeUnit.MINUTES)
	public void purge() {
		this.runs.add("purge");
	}

	public List<String> runs() {
		return List.copyOf(this.runs);
	}

	public void clear() {
		this.runs.clear();
	}

}
