package io.serverlessspring.samples.petstore.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cookies both ways: two {@code Set-Cookie} headers out, the {@code Cookie} header in. */
@RestController
public class PreferencesController {

	@PostMapping("/preferences")
	public ResponseEntity<Map<String, String>> save(@RequestParam(defaultValue = "light") String theme,
			@RequestParam(defaultValue = "EUR") String currency) {
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, cookie("theme", theme))
			.header(HttpHeaders.SET_COOKIE, cookie("currency", currency))
			.body(Map.of("theme", theme, "currency", currency));
	}

	@GetMapping("/preferences")
	public Map<String, String> read(@CookieValue(defaultValue = "light") String theme,
			@CookieValue(defaultValue = "EUR") String currency) {
		return Map.of("theme", theme, "currency", currency);
	}

	private static String cookie(String name, String value) {
		return ResponseCookie.from(name, value).path("/").maxAge(Duration.ofDays(30)).sameSite("Lax").build().toString();
	}

}
