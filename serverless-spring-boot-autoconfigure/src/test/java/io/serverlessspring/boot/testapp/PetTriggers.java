package io.serverlessspring.boot.testapp;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import io.serverlessspring.boot.events.CloudWatchLogsData;
import io.serverlessspring.boot.events.EventSourceType;
import io.serverlessspring.boot.events.LexV2Event;
import io.serverlessspring.boot.events.LexV2Response;
import io.serverlessspring.boot.events.ServerlessEventHandler;

import org.springframework.stereotype.Component;

/** Log subscription, Cognito trigger and Lex code-hook handlers of the test app. */
@Component
public class PetTriggers {

	static final String POOL = "us-east-1_Pets1234a";

	private final Recorder recorder;

	public PetTriggers(Recorder recorder) {
		this.recorder = recorder;
	}

	/** Each log message read as the app's own type. */
	@ServerlessEventHandler(type = EventSourceType.LOGS, source = "/petstore/dev/audit",
			filterPattern = "{ $.level = \"ERROR\" }")
	public void onAuditError(AuditLine line) {
		this.recorder.record("onAuditError(" + line.pet() + "," + line.text() + ")");
	}

	/** The whole decoded batch. */
	@ServerlessEventHandler(type = EventSourceType.LOGS, source = "arn:aws:logs:us-east-1:123456789012:log-group:/petstore/dev/audit:*")
	public void onAuditBatch(CloudWatchLogsData data) {
		this.recorder.record("onAuditBatch(" + data.logStream() + "," + data.logEvents().size() + ")");
	}

	/** Staff addresses are confirmed and verified at once. */
	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "PreSignUp")
	public CognitoUserPoolPreSignUpEvent preSignUp(CognitoUserPoolPreSignUpEvent event) {
		boolean staff = String.valueOf(event.getRequest().getUserAttributes().get("email")).endsWith("@petstore.example");
		event.setResponse(new CognitoUserPoolPreSignUpEvent.Response(staff, false, staff));
		return event;
	}

	/** Returns nothing: Cognito gets the event back as it came. */
	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "post-confirmation")
	public void postConfirmation(CognitoUserPoolPostConfirmationEvent event) {
		this.recorder.record("postConfirmation(" + event.getRequest().getUserAttributes().get("email") + ")");
	}

	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "PreAuthentication")
	public CognitoUserPoolPreAuthenticationEvent preAuthentication(CognitoUserPoolPreAuthenticationEvent event) {
		if ("false".equals(event.getRequest().getUserAttributes().get("email_verified"))) {
			throw new IllegalStateException("Verify your email address first");
		}
		return event;
	}

	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "PostAuthentication")
	public void postAuthentication(CognitoUserPoolPostAuthenticationEvent event) {
		this.recorder.record("postAuthentication(" + event.getUserName() + "," + event.getRequest().getNewDeviceUsed() + ")");
	}

	/** Adds the pet-store role claim and drops the email from the id token. */
	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "PreTokenGeneration")
	public CognitoUserPoolPreTokenGenerationEvent preTokenGeneration(CognitoUserPoolPreTokenGenerationEvent event) {
		event.setResponse(CognitoUserPoolPreTokenGenerationEvent.Response.builder()
			.withClaimsOverrideDetails(CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails.builder()
				.withClaimsToAddOrOverride(Map.of("petstore_role", "adopter"))
				.withClaimsToSuppress(new String[] { "email" })
				.build())
			.build());
		return event;
	}

	@ServerlessEventHandler(type = EventSourceType.COGNITO, source = POOL, events = "CustomMessage")
	public CognitoUserPoolCustomMessageEvent customMessage(CognitoUserPoolCustomMessageEvent event) {
		String code = event.getRequest().getCodeParameter();
		event.setResponse(CognitoUserPoolCustomMessageEvent.Response.builder()
			.withSmsMessage("Your pet store code: " + code)
			.withEmailSubject("Welcome to the pet store")
			.withEmailMessage("Hello " + event.getRequest().getUserAttributes().get("name") + ", your code is " + code)
			.build());
		return event;
	}

	/** Asks for the pickup date, then confirms the adoption. */
	@ServerlessEventHandler(type = EventSourceType.LEX,
			source = "arn:aws:lex:us-east-1:123456789012:bot-alias/PETBOT1234/TSTALIASID")
	public LexV2Response adoptPet(LexV2Event event) {
		LexV2Event.Intent intent = event.sessionState().intent();
		String pet = intent.slotValue("PetName");
		if (intent.slotValue("PickupDate") == null) {
			return LexV2Response.elicitSlot(event, "PickupDate", "When will you pick " + pet + " up?");
		}
		return LexV2Response.close(event, "Fulfilled", pet + " is waiting for you on " + intent.slotValue("PickupDate"));
	}

	public record AuditLine(String level, String pet, String text) {
	}

}
