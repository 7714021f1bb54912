package io.serverlessspring.boot.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.util.ClassUtils;


/**
 * A Cognito user-pool trigger: its name (the key of the pool's {@code LambdaConfig}), the prefix
 * of the {@code triggerSource} values Cognito sends for it, and the typed event of
 * aws-lambda-java-events it is read as (whose {@code response} the handler fills in). The event
 * type is held by name: the console reads this enum without aws-lambda-java-events on its classpath
 * (an optional dependency of the starter).
 */
public enum CognitoTrigger {

	PRE_SIGN_UP("PreSignUp", "PreSignUp_", "CognitoUserPoolPreSignUpEvent"),

	POST_CONFIRMATION("PostConfirmation", "PostConfirmation_", "CognitoUserPoolPostConfirmationEvent"),

	PRE_AUTHENTICATION("PreAuthentication", "PreAuthentication_", "CognitoUserPoolPreAuthenticationEvent"),

	POST_AUTHENTICATION("PostAuthentication", "PostAuthentication_", "CognitoUserPoolPostAuthenticationEvent"),

	PRE_TOKEN_GENERATION("PreTokenGeneration", "TokenGeneration_", "CognitoUserPoolPreTokenGenerationEvent"),

	CUSTOM_MESSAGE("CustomMessage", "CustomMessage_", "CognitoUserPoolCustomMessageEvent"),

	DEFINE_AUTH_CHALLENGE("DefineAuthChallenge", "DefineAuthChallenge_", "CognitoUserPoolDefineAuthChallengeEvent"),

	CREATE_AUTH_CHALLENGE("CreateAuthChallenge", "CreateAuthChallenge_", "CognitoUserPoolCreateAuthChallengeEvent"),

	VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse", "VerifyAuthChallengeResponse_",
			"CognitoUserPoolVerifyAuthChallengeResponseEvent"),

	USER_MIGRATION("UserMigration", "UserMigration_", "CognitoUserPoolMigrateUserEvent");

	private final String configName;

	private final String sourcePrefix;

	private final String eventType;

	CognitoTrigger(String configName, String sourcePrefix, String eventType) {
		this.configName = configName;
		this.sourcePrefix = sourcePrefix;
		this.eventType = "com.amazonaws.services.lambda.runtime.events." + eventType;
	}

	/** As in the manifest, the properties and the pool's {@code LambdaConfig}: {@code PreSignUp}. */
	public String configName() {
		return this.configName;
	}

	/** The typed event (default for handlers taking their own type); needs aws-lambda-java-events. */
	public Class<?> eventType() {
		return ClassUtils.resolveClassName(this.eventType, CognitoTrigger.class.getClassLoader());
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
