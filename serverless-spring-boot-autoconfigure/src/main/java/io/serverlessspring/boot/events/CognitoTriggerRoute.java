package io.serverlessspring.boot.events;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.LambdaEvent;
import tools.jackson.databind.JsonNode;

/**
 * Cognito user-pool trigger events, answered by the one {@code cognito} handler bound to the pool
 * and trigger. The handler takes the trigger's typed event ({@code CognitoUserPoolPreSignUpEvent},
 * …, or its own type read from the event) and returns the event with {@code response} filled in;
 * a handler returning nothing answers with the event it was given (changed in place, if it did).
 */
public class CognitoTriggerRoute implements EventRoute {

	private final EventHandlerRegistry registry;

	private final HandlerCalls calls;

	CognitoTriggerRoute(EventHandlerRegistry registry, HandlerCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	@Override
	public String name() {
		return "cognito-trigger";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		return event.json().has("triggerSource") && event.json().has("userPoolId");
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		JsonNode json = event.json();
		String source = text(json, "triggerSource");
		String pool = text(json, "userPoolId");
		CognitoTrigger trigger = CognitoTrigger.ofTriggerSource(source);
		if (trigger == null) {
			throw new EventFormatException("The Cognito event's 'triggerSource' is '" + source
					+ "': not a user-pool trigger this runtime knows", null);
		}
		// Cognito always sends these: a handler may rely on them.
		if (!json.path("request").isObject()) {
			throw new EventFormatException("The Cognito " + source + " event's 'request' is not an object", null);
		}
		if (trigger != CognitoTrigger.USER_MIGRATION && !json.path("request").path("userAttributes").isObject()) {
			throw new EventFormatException("The Cognito " + source + " event's 'request.userAttributes' is not an object", null);
		}
		List<EventHandlerDefinition> handlers = this.registry.all().stream()
			.filter((h) -> h.type() == EventSourceType.COGNITO && TriggerSources.userPoolId(h.source()).equals(pool)
					&& h.events().contains(trigger.configName()))
			.toList();
		if (handlers.size() != 1) {
			throw new IllegalStateException((handlers.isEmpty() ? "No cognito handler is" : "Several cognito handlers are")
					+ " bound to the " + trigger.configName() + " trigger of user pool " + pool + " (one answers it); handlers: "
					+ this.registry.all().stream().filter((h) -> h.type() == EventSourceType.COGNITO)
						.map((h) -> h.id() + "=" + h.source() + ":" + h.events()).toList());
		}
		EventHandlerDefinition handler = handlers.get(0);
		Class<?> input = this.calls.invoker(handler).inputClass();
		Object answer;
		if (CognitoUserPoolEvent.class.isAssignableFrom(input)) {
			// The handler's own event class when concrete (e.g. the V2 token event), else the trigger's.
			Class<?> type = Modifier.isAbstract(input.getModifiers()) ? trigger.eventType() : input;
			Object typed = this.calls.read(type, json.toString(), "Cognito " + source + " event");
			Object result = this.calls.call(handler, typed, null, context);
			answer = (result != null) ? result : typed;
		}
		else {
			Object result = this.calls.call(handler, null, event.payload(), context);
			answer = (result != null) ? result : json;
		}
		output.write(this.calls.write(answer));
	}

	private static String text(JsonNode json, String field) {
		JsonNode value = json.path(field);
		if (!value.isString() || value.asString().isEmpty()) {
			throw new EventFormatException("The Cognito event's '" + field + "' is not a text", null);
		}
		return value.asString();
	}

}
