package io.serverlessspring.boot.testapp;

import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.commands.ServerlessCommand;

import org.springframework.stereotype.Component;

/** A user command for {@code manage}. */
@Component
public class PetCommands implements ServerlessCommand {

	private final PetService pets;

	public PetCommands(PetService pets) {
		this.pets = pets;
	}

	@Override
	public String name() {
		return "reindex-pets";
	}

	@Override
	public String description() {
		return "Rebuilds the pet search index";
	}

	@Override
	public Object run(List<String> args) {
		if (args.contains("--broken")) {
			throw new IllegalStateException("index is locked");
		}
		return Map.of("reindexed", this.pets.count(), "full", args.contains("--full"));
	}

}
