package io.serverlessspring.boot.events;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a Lex V2 code hook answers: the session state with the next {@code dialogAction}, and the
 * messages to say. A handler that returns nothing delegates to the bot ({@link #delegate}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LexV2Response(LexV2Event.SessionState sessionState, List<Message> messages,
		Map<String, String> requestAttributes) {

	/** Lets the bot choose the next step, keeping the event's session state and intent. */
	public static LexV2Response delegate(LexV2Event event) {
		LexV2Event.SessionState state = state(event);
		return new LexV2Response(state.with(LexV2Event.DialogAction.of("Delegate"), state.intent()), null, null);
	}

	/** Ends the conversation with the intent in {@code intentState} (e.g. Fulfilled) and one plain-text message. */
	public static LexV2Response close(LexV2Event event, String intentState, String message) {
		LexV2Event.SessionState state = state(event);
		LexV2Event.Intent intent = (state.intent() != null) ? state.intent().withState(intentState) : null;
		return new LexV2Response(state.with(LexV2Event.DialogAction.of("Close"), intent),
				(message != null) ? List.of(Message.plainText(message)) : null, null);
	}

	/** Asks the user for {@code slot}, with one plain-text message. */
	public static LexV2Response elicitSlot(LexV2Event event, String slot, String message) {
		LexV2Event.SessionState state = state(event);
		return new LexV2Response(state.with(new LexV2Event.DialogAction("ElicitSlot", slot, null, null), state.intent()),
				(message != null) ? List.of(Message.plainText(message)) : null, null);
	}

	private static LexV2Event.SessionState state(LexV2Event event) {
		return (event.sessionState() != null) ? event.sessionState()
				: new LexV2Event.SessionState(null, null, null, null, null, null);
	}

	/** {@code contentType}: PlainText, SSML, CustomPayload or ImageResponseCard. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Message(String contentType, String content, Map<String, Object> imageResponseCard) {

		public static Message plainText(String content) {
			return new Message("PlainText", content, null);
		}

	}

}
