package io.serverlessspring.samples.petstore.jobs;

import io.serverlessspring.boot.events.EventSourceType;
import io.serverlessspring.boot.events.ServerlessEventHandler;
import io.serverlessspring.samples.petstore.web.PetRegistry;

import org.springframework.stereotype.Component;

/**
 * Adoptions queued on SQS. Each message is one {@link AdoptionRequest}; a request for an unknown
 * pet fails only its own message, which SQS delivers again (then to the dead-letter queue).
 */
@Component
public class AdoptionQueueHandler {

	private final PetRegistry pets;

	private final WelcomeMailer mailer;

	public AdoptionQueueHandler(PetRegistry pets, WelcomeMailer mailer) {
		this.pets = pets;
		this.mailer = mailer;
	}

	@ServerlessEventHandler(type = EventSourceType.SQS, source = "${petstore.jobs.adoptions-queue}", batchSize = 10)
	public void onAdoption(AdoptionRequest request) {
		var pet = this.pets.find(request.petId())
			.orElseThrow(() -> new IllegalArgumentException("No pet " + request.petId() + " to adopt"));
		this.pets.save(new io.serverlessspring.samples.petstore.web.Pet(pet.id(), pet.name(), pet.species(),
				request.owner()));
		this.mailer.sendWelcome(request.owner(), pet.id());
	}

}
