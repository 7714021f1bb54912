package io.serverlessspring.boot.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.ServerlessExceptionHandler;
import io.serverlessspring.boot.routing.LambdaEvent;

import org.springframework.stereotype.Component;

/** The app's exception hook: sees every failure, and marks "known outage" ones handled so Lambda does not retry. */
@Component
public class PetExceptionHook implements ServerlessExceptionHandler {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@Override
	public boolean handle(Throwable exception, LambdaEvent event, Context context) {
		this.seen.add(exception.getMessage() + " | " + event.describeShape() + " | " + context.getAwsRequestId());
		return String.valueOf(exception.getMessage()).startsWith("known outage");
	}

	public List<String> seen() {
		return List.copyOf(this.seen);
	}

	public void clear() {
		this.seen.clear();
	}

}
