package io.serverlessspring.samples.petstore.web;

import java.net.URI;
import java.util.Collection;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON in and out: list, read, create (201 + Location), delete (204), and a 404 for strangers. */
@RestController
@RequestMapping("/pets")
public class PetController {

	private final PetRegistry registry;

	public PetController(PetRegistry registry) {
		this.registry = registry;
	}

	@GetMapping
	public Collection<Pet> list() {
		return this.registry.all();
	}

	@GetMapping("/{id}")
	public Pet get(@PathVariable long id) {
		return this.registry.find(id).orElseThrow(() -> new PetNotFoundException(id));
	}

	@PostMapping
	public ResponseEntity<Pet> create(@RequestBody NewPet request) {
		if (request.name() == null || request.name().isBlank()) {
			throw new IllegalArgumentException("A pet needs a name");
		}
		Pet pet = this.registry.add(request.name(), request.species());
		return ResponseEntity.created(URI.create("/pets/" + pet.id())).body(pet);
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.registry.remove(id)) {
			throw new PetNotFoundException(id);
		}
		return ResponseEntity.noContent().build();
	}

	/** The body of {@code POST /pets}. */
	public record NewPet(String name, String species) {
	}

}
