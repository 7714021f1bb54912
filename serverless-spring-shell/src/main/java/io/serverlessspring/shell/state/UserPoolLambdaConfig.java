package io.serverlessspring.shell.state;

import java.util.LinkedHashMap;
import java.util.Map;

import io.serverlessspring.boot.events.CognitoTrigger;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;

/** A user pool's {@code LambdaConfig} as trigger name ({@code PreSignUp}, …) to function ARN. */
public final class UserPoolLambdaConfig {

	private UserPoolLambdaConfig() {
	}

	/** The triggers that are set, by {@link CognitoTrigger#configName()}. */
	public static Map<String, String> triggers(LambdaConfigType config) {
		Map<String, String> triggers = new LinkedHashMap<>();
		if (config == null) {
			return triggers;
		}
		for (CognitoTrigger trigger : CognitoTrigger.values()) {
			String arn = get(config, trigger);
			if (arn != null && !arn.isEmpty()) {
				triggers.put(trigger.configName(), arn);
			}
		}
		return triggers;
	}

	private static String get(LambdaConfigType config, CognitoTrigger trigger) {
		return switch (trigger) {
			case PRE_SIGN_UP -> config.preSignUp();
			case POST_CONFIRMATION -> config.postConfirmation();
			case PRE_AUTHENTICATION -> config.preAuthentication();
			case POST_AUTHENTICATION -> config.postAuthentication();
			// The V2 config (lambdaArn + version) supersedes the V1 field when both are set.
			case PRE_TOKEN_GENERATION -> (config.preTokenGenerationConfig() != null
					&& config.preTokenGenerationConfig().lambdaArn() != null) ? config.preTokenGenerationConfig().lambdaArn()
							: config.preTokenGeneration();
			case CUSTOM_MESSAGE -> config.customMessage();
			case DEFINE_AUTH_CHALLENGE -> config.defineAuthChallenge();
			case CREATE_AUTH_CHALLENGE -> config.createAuthChallenge();
			case VERIFY_AUTH_CHALLENGE_RESPONSE -> config.verifyAuthChallengeResponse();
			case USER_MIGRATION -> config.userMigration();
		};
	}

	/** The config with {@code trigger} set to {@code arn} ({@code null} clears it), everything else kept. */
	public static LambdaConfigType with(LambdaConfigType config, String trigger, String arn) {
		LambdaConfigType.Builder b = (config != null) ? config.toBuilder() : LambdaConfigType.builder();
		switch (CognitoTrigger.parse(trigger, "trigger")) {
			case PRE_SIGN_UP -> b.preSignUp(arn);
			case POST_CONFIRMATION -> b.postConfirmation(arn);
			case PRE_AUTHENTICATION -> b.preAuthentication(arn);
			case POST_AUTHENTICATION -> b.postAuthentication(arn);
			case PRE_TOKEN_GENERATION -> {
				b.preTokenGeneration(arn);
				if (config != null && config.preTokenGenerationConfig() != null) {
					// Keep the event version the pool asks for; the function is the one named.
					b.preTokenGenerationConfig((arn == null) ? null : config.preTokenGenerationConfig().toBuilder().lambdaArn(arn).build());
				}
			}
			case CUSTOM_MESSAGE -> b.customMessage(arn);
			case DEFINE_AUTH_CHALLENGE -> b.defineAuthChallenge(arn);
			case CREATE_AUTH_CHALLENGE -> b.createAuthChallenge(arn);
			case VERIFY_AUTH_CHALLENGE_RESPONSE -> b.verifyAuthChallengeResponse(arn);
			case USER_MIGRATION -> b.userMigration(arn);
		}
		return b.build();
	}

}
