package io.serverlessspring.boot.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;

/**
 * A Cognito user-pool trigger: its name (the key of the pool's {@code LambdaConfig}), the prefix
 * of the {@code triggerSource} values Cognito sends for it, and the typed event of
 * aws-lambda-java-events it is read as (whose {@code response} the handler fills in).
 */
public enum CognitoTrigger {

	PRE_SIGN_UP("PreSignUp", "PreSignUp_", CognitoUserPoolPreSignUpEvent.class),

	POST_CONFIRMATION("PostConfirmation", "PostConfirmation_", CognitoUserPoolPostConfirmationEvent.class),

	PRE_AUTHENTICATION("PreAuthentication", "PreAuthentication_", CognitoUserPoolPreAuthenticationEvent.class),

	POST_AUTHENTICATION("PostAuthentication", "PostAuthentication_", CognitoUserPoolPostAuthenticationEvent.class),

	PRE_TOKEN_GENERATION("PreTokenGeneration", "TokenGeneration_", CognitoUserPoolPreTokenGenerationEvent.class),

	CUSTOM_MESSAGE("CustomMessage", "CustomMessage_", CognitoUserPoolCustomMessageEvent.class),

	DEFINE_AUTH_CHALLENGE("DefineAuthChallenge", "DefineAuthChallenge_", CognitoUserPoolDefineAuthChallengeEvent.class),

	CREATE_AUTH_CHALLENGE("CreateAuthChallenge", "CreateAuthChallenge_", CognitoUserPoolCreateAuthChallengeEvent.class),

	VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse", "VerifyAuthChallengeResponse_",
			CognitoUserPoolVerifyAuthChallengeResponseEvent.class),

	USER_MIGRATION("UserMigration", "UserMigration_", CognitoUserPoolMigrateUserEvent.class);

	private final String configName;

	private final String sourcePrefix;

	private final Class<? extends CognitoUserPoolEvent> eventType;

	CognitoTrigger(String configName, String sourcePrefix, Class<? extends CognitoUserPoolEvent> eventType) {
		this.configName = configName;
		this.sourcePrefix = sourcePrefix;
		this.eventType = eventType;
	}

	/** As in the manifest, the properties and the pool's {@code LambdaConfig}: {@code PreSignUp}. */
	public String configName() {
		return this.configName;
	}

	/** The typed event (default for handlers taking their own type). */
	public Class<? extends CognitoUserPoolEvent> eventType() {
		return this.eventType;
	}

	/** The trigger a {@code triggerSource} such as {@code PreSignUp_SignUp} belongs to, or {@code null}. */
	public static CognitoTrigger ofTriggerSource(String triggerSource) {
		if (triggerSource == null) {
			return null;
		}
		for (CognitoTrigger trigger : values()) {
			if (triggerSource.startsWith(trigger.sourcePrefix)) {
				return trigger;
			}
		}
		return null;
	}

	/** Parses {@code PreSignUp}, {@code pre-sign-up} or {@code PRE_SIGN_UP}; the error names the allowed ones. */
	public static CognitoTrigger parse(String value, String where) {
		String key = (value != null) ? value.replaceAll("[-_\\s]", "").toLowerCase(Locale.ROOT) : "";
		for (CognitoTrigger trigger : values()) {
			if (trigger.configName.toLowerCase(Locale.ROOT).equals(key)) {
				return trigger;
			}
		}
		throw new IllegalStateException(where + " is '" + value + "': expected one Cognito trigger of "
				+ Arrays.stream(values()).map(CognitoTrigger::configName).collect(Collectors.joining(", ")));
	}

}
