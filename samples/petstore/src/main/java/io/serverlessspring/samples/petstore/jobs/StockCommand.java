package io.serverlessspring.samples.petstore.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.commands.ServerlessCommand;
import io.serverlessspring.samples.petstore.web.PetRegistry;

import org.springframework.stereotype.Component;

/** {@code ./serverless manage dev stock}: the shop's stock, counted inside the running function. */
@Component
public class StockCommand implements ServerlessCommand {

	private final PetRegistry pets;

	public StockCommand(PetRegistry pets) {
		this.pets = pets;
	}

	@Override
	public String name() {
		return "stock";
	}

	@Override
	public String description() {
		return "Counts the pets, adopted or waiting";
	}

	@Override
	public Object run(List<String> args) {
		Map<String, Long> stock = new LinkedHashMap<>();
		stock.put("pets", (long) this.pets.all().size());
		stock.put("waiting", this.pets.all().stream().filter((pet) -> pet.owner() == null).count());
		return stock;
	}

}
