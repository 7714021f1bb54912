package io.serverlessspring.local.elbv2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.HttpEventV2;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;

/**
 * The event an Application Load Balancer sends a Lambda target, and the HTTP response it makes of
 * the function's answer. With the target group's {@code lambda.multi_value_headers.enabled} the
 * event has {@code multiValueHeaders}/{@code multiValueQueryStringParameters} (every value) and the
 * answer's {@code multiValueHeaders} are used; else the single-value maps (the last value wins).
 * Header names arrive lower case; query parameters as the client sent them (not decoded).
 */
final class AlbEvent {

	private AlbEvent() {
	}

	static ObjectNode event(AwsRequest request, String path, String targetGroupArn, boolean multiValue, int port,
			String protocol) {
		ObjectNode event = Json.object();
		event.putObject("requestContext").putObject("elb").put("targetGroupArn", targetGroupArn);
		event.put("httpMethod", request.method());
		event.put("path", path);
		Map<String, List<String>> query = rawQuery(request.rawQuery());
		Map<String, List<String>> headers = new LinkedHashMap<>();
		request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
		List<String> forwardedFor = headers.computeIfAbsent("x-forwarded-for", n -> new ArrayList<>());
		String chain = String.join(", ", forwardedFor);
		forwardedFor.clear();
		forwardedFor.add(chain.isEmpty() ? request.remoteAddress() : chain + ", " + request.remoteAddress());
		headers.put("x-forwarded-port", List.of(Integer.toString(port)));
		headers.put("x-forwarded-proto", List.of(protocol.toLowerCase(Locale.ROOT)));
		headers.put("x-amzn-trace-id", List.of(traceId()));
		if (multiValue) {
			event.set("multiValueQueryStringParameters", Json.tree(query));
			event.set("multiValueHeaders", Json.tree(headers));
		}
		else {
			ObjectNode single = event.putObject("queryStringParameters");
			query.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
			ObjectNode singleHeaders = event.putObject("headers");
			headers.forEach((name, values) -> singleHeaders.put(name, values.get(values.size() - 1)));
		}
		byte[] body = request.body();
		boolean text = HttpEventV2.isText(request.header("Content-Type"));
		event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
		event.put("isBase64Encoded", !text && body.length > 0);
		return event;
	}

	/** The HTTP answer; an answer that is not a JSON object with a {@code statusCode} is a 502, as ALB makes it. */
	static AwsResponse response(RuntimeInvocationResult result, boolean multiValue) {
		JsonNode answer;
		try {
			answer = Json.mapper().readTree(result.payload());
		}
		catch (RuntimeException ex) {
			answer = null;
		}
		if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()) {
			return page(502, "Bad Gateway");
		}
		JsonNode bodyNode = answer.get("body");
		byte[] body = new byte[0];
		if (bodyNode != null && !bodyNode.isNull()) {
			String text = bodyNode.isString() ? bodyNode.asString() : Json.text(bodyNode);
			body = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
		}
		AwsResponse response = AwsResponse.bytes(answer.path("statusCode").asInt(), body, null);
		if (multiValue) {
			for (Map.Entry<String, JsonNode> header : answer.path("multiValueHeaders").properties()) {
				for (JsonNode value : header.getValue()) {
					response.header(header.getKey(), value.asString());
				}
			}
		}
		else {
			for (Map.Entry<String, JsonNode> header : answer.path("headers").properties()) {
				response.header(header.getKey(), header.getValue().asString());
			}
		}
		return response;
	}

	/** The HTML page ALB answers with itself (502 when the target fails, 503 without a target, …). */
	static AwsResponse page(int status, String reason) {
		String html = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
				+ status + " " + reason + "</h1></center>\r\n</body>\r\n</html>\r\n";
		return AwsResponse.bytes(status, html.getBytes(StandardCharsets.UTF_8), "text/html");
	}

	/** {@code a=1&a=2&b} as sent: names and values not decoded, as ALB passes them. */
	private static Map<String, List<String>> rawQuery(String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return query;
	}

	private static String traceId() {
		byte[] bytes = new byte[12];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + HexFormat.of().formatHex(bytes);
	}

}
