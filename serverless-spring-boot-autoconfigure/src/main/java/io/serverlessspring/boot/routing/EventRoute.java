package io.serverlessspring.boot.routing;

import java.io.IOException;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * One kind of event the function accepts (HTTP API v2, an SQS batch, a schedule, a task, ...).
 *
 * <p>A route is a Spring bean. The {@link EventRouter} asks each route, in {@code @Order},
 * whether it {@link #accepts} the event and hands the event to the first that does. Adding an
 * event kind means adding one route bean; the router itself never changes.
 */
public interface EventRoute {

	/** A short name for logs and errors, e.g. {@code "http-api-v2"}. */
	String name();

	/** Whether the event has this route's shape. Must only look at the event, never act on it. */
	boolean accepts(LambdaEvent event);

	/** Handles the event and writes the JSON response Lambda returns to the caller. */
	void handle(LambdaEvent event, OutputStream output, Context context) throws IOException;

}
