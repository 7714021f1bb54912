package io.serverlessspring.boot.testapp;

import java.util.List;

import io.serverlessspring.boot.testapp.RuntimeTestApplication.Pet;

import org.springframework.stereotype.Service;

/** Plain bean methods, targets of {@code invoke}. */
@Service
public class PetService {

	public int count() {
		return 3;
	}

	public String greet(String name) {
		return "hello " + name;
	}

	public String greet(String name, int times) {
		return ("hello " + name + " ").repeat(times).trim();
	}

	public List<Pet> olderThan(Pet reference) {
		return List.of(new Pet("rex", reference.age() + 1));
	}

	public void closeStore() {
		throw new IllegalStateException("the store is closed", new java.io.IOException("connection reset"));
	}

}
