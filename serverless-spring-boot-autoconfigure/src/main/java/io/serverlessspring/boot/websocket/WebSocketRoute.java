package io.serverlessspring.boot.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one route key of the stage's WebSocket API: {@code $connect}, {@code $disconnect},
 * {@code $default}, or a custom key that {@code serverless.http.websocket.route-selection} picks
 * from a message (by default its {@code action} field). Deploy creates a route per key found.
 *
 * <p>The public bean method takes, in any order, at most one body parameter (the message body as
 * a {@code String}, or a type of its own read from the body as JSON), and optionally the
 * {@code APIGatewayV2WebSocketEvent} (connection id, route key, headers…) and the Lambda
 * {@code Context}. What it returns is the integration's response: nothing (200), a
 * {@code APIGatewayV2WebSocketResponse} as is, a {@code String} body, or any other value as a JSON
 * body. A {@code $connect} handler refuses the connection by returning a non-2xx status or throwing.
 * To push messages to clients later, use {@link WebSocketConnections}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebSocketRoute {

	/** The route key, e.g. {@code $connect} or {@code chat}. Placeholders are resolved. */
	String value();

}
