package io.serverlessspring.boot.snapstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synthetic events of priming, in the JSON AWS sends: an HTTP API (payload 2.0) GET built
 * field by field like API Gateway's, the keep-warm ping, and one sample of each other event kind
 * (only ever classified, never handled).
 */
final class PrimeEvents {

	/** The {@code user-agent} of prime requests, so the app's own metrics and filters can skip them. */
	static final String USER_AGENT = "serverless-spring-snapstart-prime";

	/** A header on every prime request, for the same reason. */
	static final String PRIME_HEADER = "x-serverless-prime";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
			Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private static final String SAMPLES = "classified-events.json";

	private PrimeEvents() {
	}

	/**
	 * {@code GET path} as an HTTP API sends it on its {@code $default} stage from 127.0.0.1.
	 * @param pathAndQuery {@code /pets} or {@code /pets?limit=1}
	 * @param sequence which prime request of this path it is (part of the request id)
	 */
	static byte[] httpApiGet(String pathAndQuery, int sequence) {
		int queryAt = pathAndQuery.indexOf('?');
		String path = (queryAt < 0) ? pathAndQuery : pathAndQuery.substring(0, queryAt);
		String query = (queryAt < 0) ? "" : pathAndQuery.substring(queryAt + 1);
		Instant now = Instant.now();
		ObjectNode event = JSON.createObjectNode();
		event.put("version", "2.0");
		event.put("routeKey", "$default");
		event.put("rawPath", path);
		event.put("rawQueryString", query);
		ObjectNode headers = event.putObject("headers");
		headers.put("accept", "*/*");
		headers.put("content-length", "0");
		headers.put("host", "localhost");
		headers.put("user-agent", USER_AGENT);
		headers.put("x-forwarded-for", "127.0.0.1");
		headers.put("x-forwarded-port", "443");
		headers.put("x-forwarded-proto", "https");
		headers.put(PRIME_HEADER, "snapstart");
		if (!query.isEmpty()) {
			ObjectNode parameters = event.putObject("queryStringParameters");
			queryParameters(query).forEach(parameters::put);
		}
		ObjectNode context = event.putObject("requestContext");
		context.put("accountId", "anonymous");
		context.put("apiId", "snapstart-prime");
		context.put("domainName", "localhost");
		context.put("domainPrefix", "localhost");
		ObjectNode http = context.putObject("http");
		http.put("method", "GET");
		http.put("path", path);
		http.put("protocol", "HTTP/1.1");
		http.put("sourceIp", "127.0.0.1");
		http.put("userAgent", USER_AGENT);
		context.put("requestId", "snapstart-prime-" + sequence);
		context.put("routeKey", "$default");
		context.put("stage", "$default");
		context.put("time", REQUEST_TIME.format(now));
		context.put("timeEpoch", now.toEpochMilli());
		event.put("isBase64Encoded", false);
		return JSON.writeValueAsBytes(event);
	}

	/** The keep-warm envelope the keep-warm schedule sends. */
	static byte[] keepWarm() {
		return "{\"serverless\":{\"kind\":\"keep-warm\"}}".getBytes(StandardCharsets.UTF_8);
	}

	/** One sample event per kind the router knows, by kind; for classification only. */
	static Map<String, byte[]> classificationSamples() {
		try (InputStream in = PrimeEvents.class.getResourceAsStream(SAMPLES)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + SAMPLES + " beside " + PrimeEvents.class.getName());
			}
			Map<String, byte[]> samples = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> sample : JSON.readTree(in).properties()) {
				samples.put(sample.getKey(), JSON.writeValueAsBytes(sample.getValue()));
			}
			return samples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** API Gateway's {@code queryStringParameters}: decoded, repeated names joined with commas. */
	private static Map<String, String> queryParameters(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			parameters.merge(name, value, (first, second) -> first + "," + second);
		}
		return parameters;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
