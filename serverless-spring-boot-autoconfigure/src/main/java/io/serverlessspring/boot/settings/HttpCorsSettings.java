package io.serverlessspring.boot.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serverless.http.cors.*}: CORS answered by API Gateway itself (HTTP API CORS configuration;
 * on a REST API, OPTIONS mock methods and response headers). Off until origins are given.
 */
public class HttpCorsSettings {

	/** Origins allowed to call the API, e.g. {@code https://app.example.com}; {@code *} for any. Empty: no CORS. */
	private List<String> allowedOrigins = new ArrayList<>();

	/** Methods allowed in cross-origin requests. */
	private List<String> allowedMethods = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));

	/** Request headers allowed in cross-origin requests. */
	private List<String> allowedHeaders = new ArrayList<>(List.of("Content-Type", "Authorization"));

	/** Response headers the browser may read. */
	private List<String> exposedHeaders = new ArrayList<>();

	/** Whether cookies and credentials may be sent (not allowed with origin {@code *}). */
	private boolean allowCredentials = false;

	/** How long browsers may cache a preflight answer. */
	private Duration maxAge = Duration.ofMinutes(10);

	/** Whether CORS is configured at all: some origin is allowed. */
	public boolean isEnabled() {
		return !this.allowedOrigins.isEmpty();
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public List<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(List<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

	public List<String> getAllowedHeaders() {
		return this.allowedHeaders;
	}

	public void setAllowedHeaders(List<String> allowedHeaders) {
		this.allowedHeaders = allowedHeaders;
	}

	public List<String> getExposedHeaders() {
		return this.exposedHeaders;
	}

	public void setExposedHeaders(List<String> exposedHeaders) {
		this.exposedHeaders = exposedHeaders;
	}

	public boolean isAllowCredentials() {
		return this.allowCredentials;
	}

	public void setAllowCredentials(boolean allowCredentials) {
		this.allowCredentials = allowCredentials;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

}
