package io.serverlessspring.boot.http.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.http.HttpRequestAttributes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TestController {

	@GetMapping("/hello")
	public String hello() {
		return "hello";
	}

	/** Everything the app can see of the request, for the tests to compare with the event. */
	@GetMapping("/pets/{name}")
	public Map<String, Object> pet(@PathVariable String name, @RequestParam MultiValueMap<String, String> query,
			HttpServletRequest request) {
		Map<String, Object> seen = new LinkedHashMap<>();
		seen.put("name", name);
		seen.put("requestUri", request.getRequestURI());
		seen.put("query", query);
		seen.put("remoteAddr", request.getRemoteAddr());
		seen.put("userAgent", request.getHeader("user-agent"));
		seen.put("trace", Collections.list(request.getHeaders("X-Trace")));
		Map<String, String> cookies = new LinkedHashMap<>();
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				cookies.put(cookie.getName(), cookie.getValue());
			}
		}
		seen.put("cookies", cookies);
		Context context = (Context) request.getAttribute(HttpRequestAttributes.LAMBDA_CONTEXT);
		seen.put("awsRequestId", (context != null) ? context.getAwsRequestId() : null);
		JsonNode requestContext = (JsonNode) request.getAttribute(HttpRequestAttributes.REQUEST_CONTEXT);
		seen.put("requestId", requestContext.path("requestId").asString(null));
		seen.put("claims", request.getAttribute(HttpRequestAttributes.AUTHORIZER_CLAIMS));
		seen.put("format", request.getAttribute(HttpRequestAttributes.EVENT_FORMAT));
		return seen;
	}

	@PostMapping(path = "/pets", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	public ResponseEntity<Map<String, String>> adopt(@RequestParam String name, @RequestParam String owner) {
		return ResponseEntity.created(URI.create("/pets/" + name)).body(Map.of("name", name, "owner", owner));
	}

	@DeleteMapping("/pets/{name}")
	public ResponseEntity<Void> remove(@PathVariable String name) {
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/old-pets")
	public ResponseEntity<Void> moved() {
		return ResponseEntity.status(302).location(URI.create("/pets")).build();
	}

	@PostMapping("/uploads")
	public Map<String, Object> upload(@RequestBody byte[] body) throws NoSuchAlgorithmException {
		return Map.of("bytes", body.length, "sha256",
				HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
	}

	@GetMapping("/session")
	public ResponseEntity<String> session() {
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, ResponseCookie.from("session", "s3cr3t").path("/").httpOnly(true).build().toString())
			.header(HttpHeaders.SET_COOKIE, ResponseCookie.from("theme", "dark").path("/").build().toString())
			.header("X-Multi", "one", "two")
			.contentType(MediaType.TEXT_PLAIN)
			.body("cookies set");
	}

	/** A PNG: signature, then bytes that are not UTF-8. */
	@GetMapping(path = "/image.png", produces = MediaType.IMAGE_PNG_VALUE)
	public byte[] image() {
		return png();
	}

	/** A PDF whose bytes happen to be valid UTF-8: binary all the same, by its content type. */
	@GetMapping(path = "/doc.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	public byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	@GetMapping("/compressed")
	public ResponseEntity<byte[]> compressed() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write("compressed text".getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_PLAIN)
			.header(HttpHeaders.CONTENT_ENCODING, "gzip")
			.body(bytes.toByteArray());
	}

	@GetMapping(path = "/huge", produces = MediaType.TEXT_PLAIN_VALUE)
	public String huge() {
		return "x".repeat(7 * 1024 * 1024);
	}

	@GetMapping("/boom")
	public String boom() {
		throw new IllegalStateException("the controller failed");
	}

	static byte[] png() {
		byte[] png = new byte[64];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		System.arraycopy(signature, 0, png, 0, signature.length);
		for (int i = signature.length; i < png.length; i++) {
			png[i] = (byte) (0x80 + i);
		}
		return png;
	}

}
