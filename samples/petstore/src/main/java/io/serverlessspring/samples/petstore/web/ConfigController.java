package io.serverlessspring.samples.petstore.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the stage's configuration gave the app: on the {@code local} stage {@code petstore.motto}
 * comes from Parameter Store and {@code petstore.api-key} from Secrets Manager (through
 * {@code spring.config.import}). The motto is shown; of the key only that it was read, never the key.
 */
@RestController
public class ConfigController {

	private final String motto;

	private final String apiKey;

	public ConfigController(@Value("${petstore.motto:}") String motto, @Value("${petstore.api-key:}") String apiKey) {
		this.motto = motto;
		this.apiKey = apiKey;
	}

	@GetMapping("/config")
	public Map<String, String> config() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("motto", this.motto.isEmpty() ? "(not set)" : this.motto);
		config.put("apiKey", this.apiKey.isEmpty() ? "(not set)" : "set (" + this.apiKey.length() + " characters)");
		return config;
	}

}
