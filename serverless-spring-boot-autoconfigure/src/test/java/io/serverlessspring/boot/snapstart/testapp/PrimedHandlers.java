package io.serverlessspring.boot.snapstart.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.serverlessspring.boot.authorizer.AuthorizerDecision;
import io.serverlessspring.boot.authorizer.LambdaAuthorizer;
import io.serverlessspring.boot.events.EventSourceType;
import io.serverlessspring.boot.events.ServerlessEventHandler;
import io.serverlessspring.boot.tasks.ServerlessTask;

import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A task, a schedule, event handlers and an authorizer whose ids and sources are those of the sample events
 * priming classifies ({@code snapstart#classify}, {@code snapstart-classify}): had priming handled
 * any sample instead of only classifying it, one of these would have recorded a call.
 */
@Component("snapstart")
public class PrimedHandlers {

	private final List<String> calls = new CopyOnWriteArrayList<>();

	@ServerlessTask
	public void welcome(String name) {
		this.calls.add("task welcome(" + name + ")");
	}

	@Scheduled(cron = "0 0 3 1 1 *")
	public void classify() {
		this.calls.add("schedule classify");
	}

	@ServerlessEventHandler(type = EventSourceType.SQS, source = "snapstart-classify")
	public void onMessage(String body) {
		this.calls.add("sqs " + body);
	}

	@ServerlessEventHandler(type = EventSourceType.SNS, source = "snapstart-classify")
	public void onNotification(String message) {
		this.calls.add("sns " + message);
	}

	/** The API's Lambda authorizer. */
	@Bean
	public LambdaAuthorizer primedAuthorizer() {
		return (request) -> {
			this.calls.add("authorizer " + request.token());
			return AuthorizerDecision.deny("anonymous");
		};
	}

	public List<String> calls() {
		return List.copyOf(this.calls);
	}

}
