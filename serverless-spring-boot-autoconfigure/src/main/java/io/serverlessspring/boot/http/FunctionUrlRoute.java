package io.serverlessspring.boot.http;

import java.util.function.Supplier;

import io.serverlessspring.boot.routing.LambdaEvent;
import io.serverlessspring.boot.settings.HttpSettings;

/**
 * Lambda function URL events: payload format 2.0 on a {@code *.lambda-url.*} domain, answered
 * like an HTTP API (headers, {@code cookies}). A route of its own so logs and errors name it.
 */
public class FunctionUrlRoute extends HttpApiRoute {

	public FunctionUrlRoute(Supplier<LambdaServletContainer> container, HttpSettings settings) {
		super(container, settings);
	}

	@Override
	public String name() {
		return "function-url";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return isPayloadV2(event) && isFunctionUrl(event);
	}

}
