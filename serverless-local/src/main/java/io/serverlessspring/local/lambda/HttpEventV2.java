package io.serverlessspring.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;

/**
 * The HTTP API payload format 2.0, shared by API Gateway HTTP APIs and function URLs: the event AWS
 * sends for a request, and the HTTP response AWS makes of what the function returns.
 */
public final class HttpEventV2 {

	private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private HttpEventV2() {
	}

	/** Where the request came in: what {@code requestContext} says about the API. */
	public record Origin(String apiId, String domainName, String stage, String routeKey, Map<String, String> pathParameters,
			Map<String, String> stageVariables, ObjectNode authorizer) {
	}

	/**
	 * The event for {@code request}, whose path as the function sees it is {@code rawPath} (the URL
	 * form's prefix removed).
	 */
	public static ObjectNode event(AwsRequest request, String rawPath, Origin origin, String accountId) {
		ObjectNode event = Json.object();
		event.put("version", "2.0");
		event.put("routeKey", origin.routeKey());
		event.put("rawPath", rawPath);
		event.put("rawQueryString", request.rawQuery());
		List<String> cookies = new ArrayList<>();
		Map<String, String> headers = new LinkedHashMap<>();
		request.headers().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("cookie")) {
				values.forEach((v) -> {
					for (String cookie : v.split(";")) {
						if (!cookie.isBlank()) {
							cookies.add(cookie.trim());
						}
					}
				});
			}
			else {
				headers.put(lower, String.join(",", values));
			}
		});
		headers.putIfAbsent("x-forwarded-for", request.remoteAddress());
		headers.putIfAbsent("x-forwarded-proto", "http");
		if (!cookies.isEmpty()) {
			event.set("cookies", Json.tree(cookies));
		}
		event.set("headers", Json.tree(headers));
		if (!request.queryParameters().isEmpty()) {
			ObjectNode query = event.putObject("queryStringParameters");
			request.queryParameters().forEach((name, values) -> query.put(name, String.join(",", values)));
		}
		ObjectNode context = event.putObject("requestContext");
		context.put("accountId", accountId);
		context.put("apiId", origin.apiId());
		if (origin.authorizer() != null) {
			context.set("authorizer", origin.authorizer());
		}
		context.put("domainName", origin.domainName());
		context.put("domainPrefix", origin.domainName().split("\\.")[0]);
		ObjectNode http = context.putObject("http");
		http.put("method", request.method());
		http.put("path", rawPath);
		http.put("protocol", "HTTP/1.1");
		http.put("sourceIp", request.remoteAddress());
		http.put("userAgent", (request.header("User-Agent") != null) ? request.header("User-Agent") : "");
		context.put("requestId", UUID.randomUUID().toString().substring(0, 18).replace("-", "") + "=");
		context.put("routeKey", origin.routeKey());
		context.put("stage", origin.stage());
		Instant now = Instant.now();
		context.put("time", CLF_TIME.format(now));
		context.put("timeEpoch", now.toEpochMilli());
		if (origin.pathParameters() != null && !origin.pathParameters().isEmpty()) {
			event.set("pathParameters", Json.tree(origin.pathParameters()));
		}
		if (origin.stageVariables() != null && !origin.stageVariables().isEmpty()) {
			event.set("stageVariables", Json.tree(origin.stageVariables()));
		}
		byte[] body = request.body();
		if (body.length > 0) {
			boolean text = isText(request.header("Content-Type"));
			event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
			event.put("isBase64Encoded", !text);
		}
		else {
			event.put("isBase64Encoded", false);
		}
		return event;
	}

	/**
	 * The HTTP response for what the function returned: a {@code statusCode} object is used as is;
	 * any other JSON is a 200 {@code application/json} body, as the 2.0 format specifies.
	 */
	public static AwsResponse response(RuntimeInvocationResult result, int errorStatus) {
		if (result.failed()) {
			return AwsResponse.bytes(errorStatus, "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8),
					"application/json");
		}
		JsonNode returned;
		try {
			returned = Json.mapper().readTree(result.payload());
		}
		catch (RuntimeException ex) {
			return AwsResponse.bytes(200, result.payload(), "application/json");
		}
		if (returned == null || !returned.isObject() || !returned.has("statusCode")) {
			return AwsResponse.bytes(200, result.payload(), "application/json");
		}
		int status = returned.path("statusCode").asInt(200);
		JsonNode bodyNode = returned.get("body");
		byte[] body = new byte[0];
		if (bodyNode != null && !bodyNode.isNull()) {
			String text = bodyNode.isString() ? bodyNode.asString() : Json.text(bodyNode);
			body = returned.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
		}
		AwsResponse response = AwsResponse.bytes(status, body, null);
		boolean contentType = false;
		for (Map.Entry<String, JsonNode> header : returned.path("headers").properties()) {
			response.header(header.getKey(), header.getValue().asString());
			contentType |= header.getKey().equalsIgnoreCase("Content-Type");
		}
		for (Map.Entry<String, JsonNode> header : returned.path("multiValueHeaders").properties()) {
			for (JsonNode value : header.getValue()) {
				response.header(header.getKey(), value.asString());
			}
			contentType |= header.getKey().equalsIgnoreCase("Content-Type");
		}
		for (JsonNode cookie : returned.path("cookies")) {
			response.header("Set-Cookie", cookie.asString());
		}
		if (!contentType && body.length > 0) {
			response.header("Content-Type", "application/json");
		}
		return response;
	}

	/** Whether a body of this content type travels as text (else base64), as AWS fronts decide it. */
	public static boolean isText(String contentType) {
		if (contentType == null) {
			return true;
		}
		String type = contentType.toLowerCase(Locale.ROOT);
		return type.startsWith("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
				|| type.startsWith("application/x-www-form-urlencoded") || type.contains("yaml");
	}

}
