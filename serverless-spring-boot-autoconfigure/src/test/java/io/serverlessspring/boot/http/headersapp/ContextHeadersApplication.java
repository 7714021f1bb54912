package io.serverlessspring.boot.http.headersapp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An app that reads identity from plain request headers, set by {@code serverless.http.context-headers}. */
@SpringBootApplication
@PropertySource("classpath:context-headers-app.properties")
public class ContextHeadersApplication {

	@RestController
	static class WhoAmIController {

		/** Every header the app sees, lower-cased name to all its values joined with "|". */
		@GetMapping("/**")
		Map<String, Object> headers(HttpServletRequest request) {
			Map<String, Object> headers = new LinkedHashMap<>();
			for (String name : Collections.list(request.getHeaderNames())) {
				headers.put(name.toLowerCase(), String.join("|", Collections.list(request.getHeaders(name))));
			}
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("headers", headers);
			out.put("X-User-Id", request.getHeader("X-User-Id"));
			out.put("X-Request-Id", request.getHeader("x-request-id"));
			return out;
		}

	}

}
