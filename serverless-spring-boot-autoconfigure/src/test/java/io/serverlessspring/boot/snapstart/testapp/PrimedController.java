package io.serverlessspring.boot.snapstart.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The app's HTTP side; records each request it saw, for tests to assert on. */
@RestController
public class PrimedController {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@GetMapping("/hello")
	public String hello(@RequestParam(defaultValue = "world") String name,
			@RequestHeader(name = "user-agent", required = false) String userAgent,
			@RequestHeader(name = "x-serverless-prime", required = false) String prime) {
		this.seen.add("hello " + name + " from " + userAgent + " prime=" + prime);
		return "hello " + name;
	}

	@GetMapping("/broken")
	public String broken() {
		this.seen.add("broken");
		throw new IllegalStateException("broken on purpose");
	}

	public List<String> seen() {
		return List.copyOf(this.seen);
	}

	public void clear() {
		this.seen.clear();
	}

}
