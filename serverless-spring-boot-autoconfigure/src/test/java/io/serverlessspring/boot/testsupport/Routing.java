package io.serverlessspring.boot.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRouter;
import io.serverlessspring.boot.routing.LambdaEvent;

/** Feeds an event to the application's router, as the Lambda handler does, and returns the response JSON. */
public final class Routing {

	/** The context of an invocation through the {@code live} alias. */
	public static final Context LIVE = new TestLambdaContext("arn:aws:lambda:us-east-1:123456789012:function:petstore-dev:live");

	private Routing() {
	}

	public static String route(EventRouter router, String json) {
		return route(router, json, LIVE);
	}

	public static String route(EventRouter router, String json, Context context) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try {
			router.route(LambdaEvent.parse(json.getBytes(StandardCharsets.UTF_8)), output, context);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return output.toString(StandardCharsets.UTF_8);
	}

}
