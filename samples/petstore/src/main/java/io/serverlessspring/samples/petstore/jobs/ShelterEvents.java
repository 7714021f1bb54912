package io.serverlessspring.samples.petstore.jobs;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Shelter news on EventBridge: the local stage binds {@link #onPetAdopted} to the default bus's
 * {@code PetAdopted} events from {@code petstore.shelter} ({@code serverless.events.handlers.adopted}
 * in {@code application-local.yml}); it takes the whole event, as EventBridge sends it.
 */
@Component
public class ShelterEvents {

	private static final Logger logger = LoggerFactory.getLogger(ShelterEvents.class);

	public void onPetAdopted(ScheduledEvent event) {
		Map<String, Object> detail = event.getDetail();
		logger.info("{} from {} ({} in {}): pet {} now lives with {}", event.getDetailType(), event.getSource(),
				event.getId(), event.getRegion(), detail.get("petId"), detail.get("owner"));
	}

}
