package io.serverlessspring.samples.petstore.web;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An HTML form post ({@code application/x-www-form-urlencoded}), answered with a redirect. */
@RestController
public class AdoptionController {

	private final PetRegistry registry;

	public AdoptionController(PetRegistry registry) {
		this.registry = registry;
	}

	@PostMapping(path = "/adoptions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	public ResponseEntity<Pet> adopt(@RequestParam long petId, @RequestParam String owner) {
		Pet pet = this.registry.find(petId).orElseThrow(() -> new PetNotFoundException(petId));
		Pet adopted = this.registry.save(pet.adoptedBy(owner));
		return ResponseEntity.status(303).location(URI.create("/pets/" + adopted.id())).body(adopted);
	}

}
