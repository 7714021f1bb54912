package io.serverlessspring.boot.events;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import io.serverlessspring.boot.routing.EventRoute;
import io.serverlessspring.boot.routing.JsonFieldPath;
import io.serverlessspring.boot.routing.LambdaEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Lex V2 code-hook events, answered by the one {@code lex} handler bound to the bot alias (by the
 * event's {@code bot.id} and {@code bot.aliasId}). The handler takes a {@link LexV2Event} (or its
 * own type) and returns a {@link LexV2Response}; returning nothing delegates to the bot.
 */
public class LexCodeHookRoute implements EventRoute {

	private final EventHandlerRegistry registry;

	private final HandlerCalls calls;

	LexCodeHookRoute(EventHandlerRegistry registry, HandlerCalls calls) {
		this.registry = registry;
		this.calls = calls;
	}

	@Override
	public String name() {
		return "lex-code-hook";
	}

	@Override
	public boolean accepts(LambdaEvent event) {
		// Lex V1 events have a userId and currentIntent instead of the sessionId.
		JsonNode json = event.json();
		return json.has("invocationSource") && json.has("sessionId") && json.has("bot");
	}

	@Override
	public void handle(LambdaEvent event, OutputStream output, Context context) throws IOException {
		LexV2Event lex;
		try {
			lex = this.calls.mapper().readValue(event.payload(), LexV2Event.class);
		}
		catch (JacksonException ex) {
			JsonFieldPath path = JsonFieldPath.of(ex);
			throw new EventFormatException("The Lex V2 event does not match Lex's format"
					+ (path.isEmpty() ? "" : ": '" + path + "' has the wrong type"), ex);
		}
		if (lex.bot() == null || lex.bot().id() == null || lex.bot().aliasId() == null) {
			throw new EventFormatException("The Lex V2 event has no '" + ((lex.bot() == null) ? "bot" : "bot."
					+ ((lex.bot().id() == null) ? "id" : "aliasId")) + "': the bot alias it comes from is unknown", null);
		}
		// Lex sends the session state and its current intent to every code hook: a handler may rely on them.
		if (lex.sessionState() == null || lex.sessionState().intent() == null) {
			throw new EventFormatException("The Lex V2 event has no '" + ((lex.sessionState() == null) ? "sessionState"
					: "sessionState.intent") + "': code hooks always get the current intent", null);
		}
		List<EventHandlerDefinition> handlers = this.registry.all().stream()
			.filter((h) -> h.type() == EventSourceType.LEX
					&& TriggerSources.isBotAlias(h.source(), lex.bot().id(), lex.bot().aliasId()))
			.toList();
		if (handlers.size() != 1) {
			throw new IllegalStateException((handlers.isEmpty() ? "No lex handler is" : "Several lex handlers are")
					+ " bound to bot " + lex.bot().id() + " alias " + lex.bot().aliasId() + " (one answers it); handlers: "
					+ this.registry.all().stream().filter((h) -> h.type() == EventSourceType.LEX)
						.map((h) -> h.id() + "=" + h.source()).toList());
		}
		EventHandlerDefinition handler = handlers.get(0);
		boolean typed = LexV2Event.class.isAssignableFrom(this.calls.invoker(handler).inputClass());
		Object result = this.calls.call(handler, lex, typed ? null : event.payload(), context);
		output.write(this.calls.write((result != null) ? result : LexV2Response.delegate(lex)));
	}

}
