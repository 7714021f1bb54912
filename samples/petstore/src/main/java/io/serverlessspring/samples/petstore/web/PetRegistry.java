package io.serverlessspring.samples.petstore.web;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The pets, in memory: enough for a sample. Each Lambda execution environment has its own copy,
 * which is exactly why real apps keep state in a database.
 */
@Component
public class PetRegistry {

	private final Map<Long, Pet> pets = new ConcurrentSkipListMap<>();

	private final AtomicLong ids = new AtomicLong();

	public PetRegistry() {
		add("Rex", "dog");
		add("Tom", "cat");
	}

	public Collection<Pet> all() {
		return this.pets.values();
	}

	public Optional<Pet> find(long id) {
		return Optional.ofNullable(this.pets.get(id));
	}

	public Pet add(String name, String species) {
		Pet pet = new Pet(this.ids.incrementAndGet(), name, species, null);
		this.pets.put(pet.id(), pet);
		return pet;
	}

	public Pet save(Pet pet) {
		this.pets.put(pet.id(), pet);
		return pet;
	}

	public boolean remove(long id) {
		return this.pets.remove(id) != null;
	}

}
