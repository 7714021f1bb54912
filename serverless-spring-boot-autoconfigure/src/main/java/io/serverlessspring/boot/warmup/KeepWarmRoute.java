package io.serverlessspring.boot.warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.ServerlessEnvelope;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;

/**
 * Answers keep-warm pings without touching the app: the envelope
 * {@code {"serverless":{"kind":"keep-warm"}}} or a rule's {@code Scheduled Event} whose rule name
 * ends in {@code -keep-warm}. First in line, so a ping costs one JSON look.
 */
public class KeepWarmRoute implements EventRoute {

	static final byte[] RESPONSE = "{\"ok\":true,\"kind\":\"keep-warm\"}".getBytes(StandardCharsets.UTF_8);

	@Override
	public String name() {
		return "keep-warm";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		if ("keep-warm".equals(ServerlessEnvelope.kind(event.json()))) {
			return true;
		}
		return "Scheduled Event".equals(event.text("/detail-type")) && "aws.events".equals(event.text("/source"))
				&& String.valueOf(event.text("/resources/0")).endsWith("-" + ResourceNames.KEEP_WARM_SCHEDULE);
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		output.write(RESPONSE);
	}

}
