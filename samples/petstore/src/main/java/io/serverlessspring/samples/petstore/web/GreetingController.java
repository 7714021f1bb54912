package io.serverlessspring.samples.petstore.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plain text; the greeting comes from the stage's profile ({@code application-<stage>.yml}). */
@RestController
public class GreetingController {

	private final String greeting;

	public GreetingController(@Value("${petstore.greeting}") String greeting) {
		this.greeting = greeting;
	}

	@GetMapping("/hello")
	public String hello() {
		return this.greeting;
	}

}
