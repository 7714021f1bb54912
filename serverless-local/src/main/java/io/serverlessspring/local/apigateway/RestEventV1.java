package io.serverlessspring.local.apigateway;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.serverlessspring.local.lambda.HttpEventV2;
import io.serverlessspring.local.lambda.runtime.RuntimeInvocationResult;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.Json;

/**
 * The Lambda proxy payload format 1.0 (REST APIs, and HTTP APIs that ask for 1.0): the event and the
 * HTTP response made of the function's {@code statusCode}/{@code headers}/{@code body} answer.
 */
public final class RestEventV1 {

	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private RestEventV1() {
	}

	/**
	 * The event for {@code request} arriving on {@code path}, matched by the route or resource
	 * {@code routeKey} ({@code "GET /pets/{id}"}, a bare resource {@code "/pets/{id}"}, or {@code $default}).
	 */
	public static ObjectNode event(AwsRequest request, String path, String routeKey, HttpEventV2.Origin origin,
			String accountId) {
		String resource = routeKey.contains(" ") ? routeKey.substring(routeKey.indexOf(' ') + 1) : routeKey;
		ObjectNode event = Json.object();
		event.put("version", "1.0");
		event.put("resource", resource);
		event.put("path", path);
		event.put("httpMethod", request.method());
		ObjectNode headers = event.putObject("headers");
		ObjectNode multiHeaders = event.putObject("multiValueHeaders");
		request.headers().forEach((name, values) -> {
			headers.put(name, values.get(values.size() - 1));
			multiHeaders.set(name, Json.tree(values));
		});
		if (request.queryParameters().isEmpty()) {
			event.putNull("queryStringParameters");
			event.putNull("multiValueQueryStringParameters");
		}
		else {
			ObjectNode query = event.putObject("queryStringParameters");
			ObjectNode multiQuery = event.putObject("multiValueQueryStringParameters");
			request.queryParameters().forEach((name, values) -> {
				query.put(name, values.get(values.size() - 1));
				multiQuery.set(name, Json.tree(values));
			});
		}
		ObjectNode context = event.putObject("requestContext");
		context.put("accountId", accountId);
		context.put("apiId", origin.apiId());
		context.put("domainName", origin.domainName());
		context.put("domainPrefix", origin.domainName().split("\\.")[0]);
		context.put("extendedRequestId", UUID.randomUUID().toString().substring(0, 16));
		context.put("httpMethod", request.method());
		ObjectNode identity = context.putObject("identity");
		identity.putNull("accessKey");
		identity.putNull("accountId");
		identity.putNull("caller");
		identity.putNull("cognitoIdentityId");
		identity.put("sourceIp", request.remoteAddress());
		identity.put("userAgent", (request.header("User-Agent") != null) ? request.header("User-Agent") : "");
		identity.putNull("user");
		context.put("path", path);
		context.put("protocol", "HTTP/1.1");
		context.put("requestId", UUID.randomUUID().toString());
		Instant now = Instant.now();
		context.put("requestTime", REQUEST_TIME.format(now));
		context.put("requestTimeEpoch", now.toEpochMilli());
		context.put("resourceId", Integer.toHexString(resource.hashCode()));
		context.put("resourcePath", resource);
		context.put("stage", origin.stage());
		if (origin.pathParameters() == null || origin.pathParameters().isEmpty()) {
			event.putNull("pathParameters");
		}
		else {
			event.set("pathParameters", Json.tree(origin.pathParameters()));
		}
		if (origin.stageVariables() == null || origin.stageVariables().isEmpty()) {
			event.putNull("stageVariables");
		}
		else {
			event.set("stageVariables", Json.tree(origin.stageVariables()));
		}
		byte[] body = request.body();
		if (body.length == 0) {
			event.putNull("body");
			event.put("isBase64Encoded", false);
		}
		else {
			String type = request.header("Content-Type");
			boolean text = type == null || type.startsWith("text/") || type.contains("json") || type.contains("xml")
					|| type.startsWith("application/x-www-form-urlencoded");
			event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
			event.put("isBase64Encoded", !text);
		}
		return event;
	}

	/** The HTTP answer; an answer without {@code statusCode} is a 502, as API Gateway reports it. */
	public static AwsResponse response(RuntimeInvocationResult result) {
		JsonNode answer;
		try {
			answer = Json.mapper().readTree(result.payload());
		}
		catch (RuntimeException ex) {
			answer = null;
		}
		if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
			return AwsResponse.bytes(502, "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8),
					"application/json");
		}
		JsonNode bodyNode = answer.get("body");
		byte[] body = new byte[0];
		if (bodyNode != null && !bodyNode.isNull()) {
			String text = bodyNode.isString() ? bodyNode.asString() : Json.text(bodyNode);
			body = answer.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
					: text.getBytes(StandardCharsets.UTF_8);
		}
		AwsResponse response = AwsResponse.bytes(answer.path("statusCode").asInt(200), body, null);
		boolean contentType = false;
		for (Map.Entry<String, JsonNode> header : answer.path("headers").properties()) {
			response.header(header.getKey(), header.getValue().asString());
			contentType |= header.getKey().equalsIgnoreCase("Content-Type");
		}
		for (Map.Entry<String, JsonNode> header : answer.path("multiValueHeaders").properties()) {
			if (answer.path("headers").has(header.getKey())) {
				continue;
			}
			for (JsonNode value : header.getValue()) {
				response.header(header.getKey(), value.asString());
			}
			contentType |= header.getKey().equalsIgnoreCase("Content-Type");
		}
		if (!contentType && body.length > 0) {
			response.header("Content-Type", "application/json");
		}
		return response;
	}


}
