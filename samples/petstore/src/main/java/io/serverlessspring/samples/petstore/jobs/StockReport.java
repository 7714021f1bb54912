package io.serverlessspring.samples.petstore.jobs;

import io.serverlessspring.samples.petstore.web.PetRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A morning stock report: how many pets wait for an owner. */
@Component
public class StockReport {

	private static final Logger logger = LoggerFactory.getLogger(StockReport.class);

	private final PetRegistry pets;

	public StockReport(PetRegistry pets) {
		this.pets = pets;
	}

	/** 06:30 Paris time on weekdays; EventBridge Scheduler keeps the zone (cron(30 6 ? * MON-FRI *)). */
	@Scheduled(cron = "${petstore.jobs.report-cron:0 30 6 * * MON-FRI}", zone = "Europe/Paris")
	public void morningReport() {
		long waiting = this.pets.all().stream().filter((pet) -> pet.owner() == null).count();
		logger.info("Stock report: {} pets waiting for an owner", waiting);
	}

}
