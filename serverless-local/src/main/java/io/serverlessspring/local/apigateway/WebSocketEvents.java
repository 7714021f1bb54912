package io.serverlessspring.local.apigateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.serverlessspring.local.server.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events API Gateway sends a WebSocket API's Lambda proxy integration: {@code CONNECT} (with
 * the handshake's headers and query), {@code MESSAGE} (with the body), {@code DISCONNECT} (with the
 * close code and reason), each with the {@code requestContext} AWS sends.
 */
final class WebSocketEvents {

	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private WebSocketEvents() {
	}

	static ObjectNode connect(WebSocketConnection connection, String routeKey, String requestId, Instant now) {
		ObjectNode event = Json.object();
		headers(event, connection.headers());
		if (!connection.query().isEmpty()) {
			ObjectNode single = event.putObject("queryStringParameters");
			ObjectNode multi = event.putObject("multiValueQueryStringParameters");
			connection.query().forEach((name, values) -> {
				single.put(name, values.get(values.size() - 1));
				values.forEach(multi.withArray(name)::add);
			});
		}
		context(event, connection, routeKey, "CONNECT", requestId, now);
		event.put("isBase64Encoded", false);
		return event;
	}

	static ObjectNode message(WebSocketConnection connection, String routeKey, String requestId, Instant now, String body,
			boolean binary) {
		ObjectNode event = Json.object();
		ObjectNode context = context(event, connection, routeKey, "MESSAGE", requestId, now);
		context.put("messageId", requestId);
		event.put("body", body);
		event.put("isBase64Encoded", binary);
		return event;
	}

	static ObjectNode disconnect(WebSocketConnection connection, String requestId, Instant now, int code, String reason) {
		ObjectNode event = Json.object();
		headers(event, Map.of("Host", List.of(connection.domainName())));
		ObjectNode context = context(event, connection, "$disconnect", "DISCONNECT", requestId, now);
		context.put("disconnectStatusCode", code);
		context.put("disconnectReason", (reason != null) ? reason : "");
		event.put("isBase64Encoded", false);
		return event;
	}

	private static void headers(ObjectNode event, Map<String, List<String>> headers) {
		ObjectNode single = event.putObject("headers");
		ObjectNode multi = event.putObject("multiValueHeaders");
		headers.forEach((name, values) -> {
			single.put(name, String.join(",", values));
			values.forEach(multi.withArray(name)::add);
		});
	}

	private static ObjectNode context(ObjectNode event, WebSocketConnection connection, String routeKey, String eventType,
			String requestId, Instant now) {
		ObjectNode context = event.putObject("requestContext");
		context.put("routeKey", routeKey);
		context.put("eventType", eventType);
		context.put("extendedRequestId", requestId);
		context.put("requestTime", REQUEST_TIME.format(now));
		context.put("messageDirection", "IN");
		context.put("stage", connection.stage());
		context.put("connectedAt", connection.connectedAt().toEpochMilli());
		context.put("requestTimeEpoch", now.toEpochMilli());
		ObjectNode identity = context.putObject("identity");
		if (connection.userAgent() != null) {
			identity.put("userAgent", connection.userAgent());
		}
		identity.put("sourceIp", connection.sourceIp());
		context.put("requestId", requestId);
		context.put("domainName", connection.domainName());
		context.put("connectionId", connection.id());
		context.put("apiId", connection.apiId());
		return context;
	}

}
