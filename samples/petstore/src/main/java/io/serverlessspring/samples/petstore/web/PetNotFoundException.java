package io.serverlessspring.samples.petstore.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Answered with Spring Boot's usual 404 error body. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PetNotFoundException extends RuntimeException {

	public PetNotFoundException(long id) {
		super("No pet with id " + id);
	}

}
