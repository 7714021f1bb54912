package io.serverlessspring.boot.events;

import java.io.IOException;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.testapp.Recorder;
import io.serverlessspring.boot.testapp.RuntimeTestApplication;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.Routing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CloudWatch Logs subscription, Cognito user-pool trigger and Lex V2 code-hook events, as AWS sends
 * them, through the one Lambda entry point: the handlers get typed events and the answers are the
 * JSON Cognito and Lex read.
 */
class TriggerEventsThroughHandlerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ServerlessHandler handler;

	@BeforeAll
	static void start() {
		handler = new ServerlessHandler(RuntimeTestApplication.class);
	}

	@Test
	void logsSubscriptionDataIsDecodedAndGoesToTheHandlerOfTheFilterThatMatched() throws IOException {
		Recorder recorder = recorder();

		String errors = handler.invoke(Fixtures.event("cloudwatch-logs/audit-errors.json"), Routing.LIVE);
		String all = handler.invoke(Fixtures.event("cloudwatch-logs/audit-all.json"), Routing.LIVE);

		assertThat(errors).isEqualTo("{\"ok\":true,\"kind\":\"event\",\"handlers\":[\"petTriggers#onAuditError\"],\"records\":2}");
		assertThat(all).isEqualTo("{\"ok\":true,\"kind\":\"event\",\"handlers\":[\"petTriggers#onAuditBatch\"],\"records\":2}");
		assertThat(recorder.calls()).containsExactly("onAuditError(rex,adoption payment declined)",
				"onAuditError(fido,vaccination record missing)",
				"onAuditBatch(2026/12/05/[$LATEST]6f1a0e2b4c8d4e7f9a1b2c3d4e5f6a7b,2)");
	}

	@Test
	void logsControlMessageIsAcknowledgedWithoutCallingHandlers() throws IOException {
		Recorder recorder = recorder();

		String response = handler.invoke(Fixtures.event("cloudwatch-logs/control-message.json"), Routing.LIVE);

		assertThat(response).isEqualTo("{\"ok\":true,\"kind\":\"event\",\"handlers\":[],\"records\":0}");
		assertThat(recorder.calls()).isEmpty();
	}

	@Test
	void preSignUpAnswersWithTheEventAndItsResponseFilledIn() throws IOException {
		JsonNode answer = invoke("cognito-user-pool/pre-sign-up.json");

		assertThat(answer.path("triggerSource").asString()).isEqualTo("PreSignUp_SignUp");
		assertThat(answer.path("userPoolId").asString()).isEqualTo("us-east-1_Pets1234a");
		assertThat(answer.path("request").path("userAttributes").path("email").asString()).isEqualTo("ada@petstore.example");
		assertThat(answer.path("response").toString())
			.isEqualTo("{\"autoConfirmUser\":true,\"autoVerifyPhone\":false,\"autoVerifyEmail\":true}");
	}

	@Test
	void aHandlerReturningNothingAnswersWithTheEventItGot() throws IOException {
		Recorder recorder = recorder();

		JsonNode confirmation = invoke("cognito-user-pool/post-confirmation.json");
		JsonNode authentication = invoke("cognito-user-pool/post-authentication.json");

		assertThat(recorder.calls()).containsExactly("postConfirmation(ada@petstore.example)",
				"postAuthentication(7e8c1a5d-2b9f-4f0e-9d3a-6c1b2a3d4e5f,false)");
		assertThat(confirmation.path("triggerSource").asString()).isEqualTo("PostConfirmation_ConfirmSignUp");
		assertThat(confirmation.path("request").path("userAttributes").path("cognito:user_status").asString())
			.isEqualTo("CONFIRMED");
		assertThat(authentication.path("userName").asString()).isEqualTo("7e8c1a5d-2b9f-4f0e-9d3a-6c1b2a3d4e5f");
	}

	@Test
	void preAuthenticationLetsAVerifiedUserInAndAnErrorRefusesTheSignIn() throws IOException {
		assertThat(invoke("cognito-user-pool/pre-authentication.json").path("triggerSource").asString())
			.isEqualTo("PreAuthentication_Authentication");

		String unverified = Fixtures.event("cognito-user-pool/pre-authentication.json")
			.replace("\"email_verified\": \"true\"", "\"email_verified\": \"false\"");
		// Cognito shows the function's error message to the user, and refuses the sign-in.
		assertThatThrownBy(() -> handler.invoke(unverified, Routing.LIVE)).hasMessageContaining("Verify your email address first");
	}

	@Test
	void preTokenGenerationAddsAndSuppressesClaims() throws IOException {
		JsonNode claims = invoke("cognito-user-pool/pre-token-generation.json").path("response").path("claimsOverrideDetails");

		assertThat(claims.path("claimsToAddOrOverride").toString()).isEqualTo("{\"petstore_role\":\"adopter\"}");
		assertThat(claims.path("claimsToSuppress").toString()).isEqualTo("[\"email\"]");
	}

	@Test
	void customMessageFillsTheMessagesWithTheCodePlaceholder() throws IOException {
		JsonNode response = invoke("cognito-user-pool/custom-message.json").path("response");

		assertThat(response.path("smsMessage").asString()).isEqualTo("Your pet store code: {####}");
		assertThat(response.path("emailSubject").asString()).isEqualTo("Welcome to the pet store");
		assertThat(response.path("emailMessage").asString()).isEqualTo("Hello Ada, your code is {####}");
	}

	@Test
	void aTriggerOfAnotherPoolIsRefusedNamingThePoolAndTrigger() {
		String otherPool = Fixtures.event("cognito-user-pool/pre-sign-up.json").replace("us-east-1_Pets1234a", "us-east-1_Other999");

		assertThatThrownBy(() -> handler.invoke(otherPool, Routing.LIVE))
			.hasMessageContaining("No cognito handler is bound to the PreSignUp trigger of user pool us-east-1_Other999");
	}

	@Test
	void lexCodeHookElicitsTheMissingSlotThenClosesTheIntent() throws IOException {
		JsonNode elicit = invoke("lex-v2/order-pet-dialog.json");

		assertThat(elicit.path("sessionState").path("dialogAction").toString())
			.isEqualTo("{\"type\":\"ElicitSlot\",\"slotToElicit\":\"PickupDate\"}");
		assertThat(elicit.path("sessionState").path("intent").path("name").asString()).isEqualTo("AdoptPet");
		assertThat(elicit.path("sessionState").path("intent").path("slots").path("PetName").path("value")
			.path("interpretedValue").asString()).isEqualTo("rex");
		assertThat(elicit.path("sessionState").path("originatingRequestId").asString())
			.isEqualTo("2f3a6f3e-1c5b-4c79-9a45-6f2d8e5c1b7a");
		assertThat(elicit.path("messages").toString())
			.isEqualTo("[{\"contentType\":\"PlainText\",\"content\":\"When will you pick rex up?\"}]");

		String withDate = Fixtures.event("lex-v2/order-pet-dialog.json").replace("\"PickupDate\": null",
				"\"PickupDate\": {\"shape\": \"Scalar\", \"value\": {\"originalValue\": \"tomorrow\", "
						+ "\"interpretedValue\": \"2026-12-06\", \"resolvedValues\": [\"2026-12-06\"]}}");
		JsonNode close = JSON.readTree(handler.invoke(withDate, Routing.LIVE));

		assertThat(close.path("sessionState").path("dialogAction").toString()).isEqualTo("{\"type\":\"Close\"}");
		assertThat(close.path("sessionState").path("intent").path("state").asString()).isEqualTo("Fulfilled");
		assertThat(close.path("messages").path(0).path("content").asString()).isEqualTo("rex is waiting for you on 2026-12-06");
	}

	@Test
	void malformedTriggerEventsNameTheFieldAtFault() {
		assertThatThrownBy(() -> handler.invoke("{\"awslogs\":{\"data\":\"%%% not base64\"}}", Routing.LIVE))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("'awslogs.data' is not base64");
		assertThatThrownBy(() -> handler.invoke("{\"awslogs\":{\"data\":\"aGVsbG8=\"}}", Routing.LIVE))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("'awslogs.data' is not gzip");
		assertThatThrownBy(() -> handler.invoke(Fixtures.event("lex-v2/order-pet-dialog.json")
			.replace("\"aliasId\": \"TSTALIASID\",", ""), Routing.LIVE))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("'bot.aliasId'");
		assertThatThrownBy(() -> handler.invoke(Fixtures.event("cognito-user-pool/pre-sign-up.json")
			.replace("\"PreSignUp_SignUp\"", "\"Unheard_Of\""), Routing.LIVE))
			.isInstanceOf(EventFormatException.class)
			.hasMessageContaining("'triggerSource' is 'Unheard_Of'");
	}

	private static JsonNode invoke(String fixture) throws IOException {
		return JSON.readTree(handler.invoke(Fixtures.event(fixture), Routing.LIVE));
	}

	private static Recorder recorder() {
		Recorder recorder = handler.application().context().getBean(Recorder.class);
		recorder.clear();
		return recorder;
	}

}
