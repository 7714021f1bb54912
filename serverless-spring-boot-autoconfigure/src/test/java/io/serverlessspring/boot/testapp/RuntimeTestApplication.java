package io.serverlessspring.boot.testapp;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The app the runtime tests drive: tasks, schedules, event handlers, functions and commands,
 * the way a user writes them.
 */
@SpringBootApplication
@EnableScheduling
public class RuntimeTestApplication {

	/** The API's Lambda authorizer: API Gateway calls the function itself with authorizer events. */
	@Bean
	public io.serverlessspring.boot.authorizer.LambdaAuthorizer petAuthorizer() {
		return (request) -> "Bearer alice-token".equals(request.token())
				? io.serverlessspring.boot.authorizer.AuthorizerDecision.allow("alice")
				: io.serverlessspring.boot.authorizer.AuthorizerDecision.deny("anonymous");
	}

	/** A Spring Cloud Function bean, an invoke target and (by properties) an SQS handler. */
	@Bean
	public Function<Pet, String> describePet(Recorder recorder) {
		return (pet) -> {
			recorder.record("describePet(" + pet.name() + "," + pet.age() + ")");
			return pet.name().toUpperCase(Locale.ROOT) + " is " + pet.age();
		};
	}

	@Bean
	public Consumer<Pet> adoptPet(Recorder recorder) {
		return (pet) -> {
			if (pet.name().startsWith("bad")) {
				throw new IllegalArgumentException("cannot adopt " + pet.name());
			}
			recorder.record("adoptPet(" + pet.name() + ")");
		};
	}

	/** A user type in event bodies and task arguments. */
	public record Pet(String name, int age) {
	}

}
