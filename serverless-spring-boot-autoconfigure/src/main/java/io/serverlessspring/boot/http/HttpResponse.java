package io.serverlessspring.boot.http;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
import com.amazonaws.serverless.proxy.model.Headers;

import org.springframework.http.HttpStatus;

/**
 * A finished HTTP response, independent of the event format it goes back in: status, headers
 * with every value (names as the app wrote them), and the body as text or base64.
 */
public final class HttpResponse {

	private final int status;

	private final Map<String, List<String>> headers;

	private final String body;

	private final boolean base64Encoded;

	HttpResponse(int status, Map<String, List<String>> headers, String body, boolean base64Encoded) {
		this.status = status;
		this.headers = headers;
		this.body = body;
		this.base64Encoded = base64Encoded;
	}

	/** Takes upstream's response and fixes its binary decision with ours. */
	static HttpResponse from(AwsProxyResponse response, BinaryContentTypes binaryTypes) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		Headers multiValueHeaders = response.getMultiValueHeaders();
		if (multiValueHeaders != null) {
			for (String name : multiValueHeaders.keySet()) {
				headers.put(name, new ArrayList<>(multiValueHeaders.get(name)));
			}
		}
		String body = response.getBody();
		boolean base64 = response.isBase64Encoded();
		if (body != null && !base64 && binaryTypes.isBinary(first(headers, "Content-Type"), first(headers, "Content-Encoding"))) {
			// Upstream kept it as text because the bytes happened to be valid UTF-8: they are these bytes.
			body = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
			base64 = true;
		}
		int status = (response.getStatusCode() > 0) ? response.getStatusCode() : 200;
		return new HttpResponse(status, headers, body, base64);
	}

	/** A JSON error in the shape of Spring Boot's default error body. */
	static HttpResponse error(HttpStatus status, String message, String path) {
		String json = "{\"timestamp\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\",\"status\":" + status.value()
				+ ",\"error\":\"" + status.getReasonPhrase() + "\",\"message\":\"" + escape(message)
				+ "\",\"path\":\"" + escape(path) + "\"}";
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Content-Type", new ArrayList<>(List.of("application/json")));
		return new HttpResponse(status.value(), headers, json, false);
	}

	public int status() {
		return this.status;
	}

	/** Every header and all its values, in the order the app set them. */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/** The first value of a header, the name matched ignoring case; {@code null} when absent. */
	public String header(String name) {
		return first(this.headers, name);
	}

	/** All values of a header, the name matched ignoring case. */
	public List<String> headerValues(String name) {
		List<String> values = new ArrayList<>();
		this.headers.forEach((key, list) -> {
			if (key.equalsIgnoreCase(name)) {
				values.addAll(list);
			}
		});
		return values;
	}

	public String body() {
		return this.body;
	}

	public boolean base64Encoded() {
		return this.base64Encoded;
	}

	/** The body's size in bytes as the client receives it (decoded). */
	public long bodyBytes() {
		if (this.body == null) {
			return 0;
		}
		return this.base64Encoded ? Base64.getDecoder().decode(this.body).length
				: this.body.getBytes(StandardCharsets.UTF_8).length;
	}

	/** The reason phrase for the status, e.g. {@code "OK"}; empty for unknown codes. */
	public String reasonPhrase() {
		HttpStatus known = HttpStatus.resolve(this.status);
		return (known != null) ? known.getReasonPhrase() : "";
	}

	private static String first(Map<String, List<String>> headers, String name) {
		for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
				return entry.getValue().get(0);
			}
		}
		return null;
	}

	private static String escape(String text) {
		return (text == null) ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
