package io.serverlessspring.boot.events;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The event a Lex V2 bot alias's code hook sends (aws-lambda-java-events has only Lex V1's
 * {@code LexEvent}). Fields Lex adds later are ignored, as its guide asks of handlers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LexV2Event(String messageVersion, String invocationSource, String inputMode, String responseContentType,
		String sessionId, String inputTranscript, String invocationLabel, Bot bot, List<Interpretation> interpretations,
		ProposedNextState proposedNextState, Map<String, String> requestAttributes, SessionState sessionState,
		List<Map<String, Object>> transcriptions) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Bot(String id, String name, String localeId, String version, String aliasId, String aliasName) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Interpretation(String interpretationSource, Intent intent, Double nluConfidence,
			Map<String, Object> sentimentResponse) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ProposedNextState(DialogAction dialogAction, Intent intent, Map<String, Object> prompt) {
	}

	/** The conversation's state: what the handler reads, changes and returns in {@link LexV2Response}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SessionState(List<Map<String, Object>> activeContexts, Map<String, String> sessionAttributes,
			Map<String, Object> runtimeHints, DialogAction dialogAction, Intent intent, String originatingRequestId) {

		/** The same state with another dialog action and intent. */
		public SessionState with(DialogAction action, Intent intent) {
			return new SessionState(this.activeContexts, this.sessionAttributes, this.runtimeHints, action, intent,
					this.originatingRequestId);
		}

	}

	/** {@code type}: Close, ConfirmIntent, Delegate, ElicitIntent or ElicitSlot. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record DialogAction(String type, String slotToElicit, String slotElicitationStyle,
			Map<String, Object> subSlotToElicit) {

		public static DialogAction of(String type) {
			return new DialogAction(type, null, null, null);
		}

	}

	/** {@code state}: Failed, Fulfilled, FulfillmentInProgress, InProgress, ReadyForFulfillment or Waiting. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Intent(String name, Map<String, Slot> slots, String state, String confirmationState,
			Map<String, Object> kendraResponse) {

		/** The same intent in another state. */
		public Intent withState(String state) {
			return new Intent(this.name, this.slots, state, this.confirmationState, this.kendraResponse);
		}

		/** The interpreted value of a slot, or {@code null} when it is not filled. */
		public String slotValue(String slot) {
			Slot value = (this.slots != null) ? this.slots.get(slot) : null;
			return (value != null && value.value() != null) ? value.value().interpretedValue() : null;
		}

	}

	/** {@code shape}: Scalar, List or Composite. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Slot(String shape, SlotValue value, List<Slot> values, Map<String, Slot> subSlots) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SlotValue(String originalValue, String interpretedValue, List<String> resolvedValues) {
	}

}
