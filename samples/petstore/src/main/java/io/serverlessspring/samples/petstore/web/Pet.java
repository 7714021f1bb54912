package io.serverlessspring.samples.petstore.web;

/** A pet in the store. */
public record Pet(long id, String name, String species, String owner) {

	Pet adoptedBy(String newOwner) {
		return new Pet(this.id, this.name, this.species, newOwner);
	}

}
