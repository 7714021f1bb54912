package io.serverlessspring.shell.aws;

import java.net.ConnectException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverlessspring.shell.cli.OptionHint;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK exceptions into one sentence and a hint a user can act on. */
public final class AwsErrorTranslator {

	private static final Pattern ACTION = Pattern.compile("perform: ([a-zA-Z0-9-]+:[A-Za-z0-9]+)");

	/** A translated error. */
	public record Translation(String sentence, String hint) {

		@Override
		public String toString() {
			return this.sentence + ((this.hint == null) ? "" : "\n  Hint: " + this.hint);
		}

	}

	private AwsErrorTranslator() {
	}

	/** The translation of {@code error}, or {@code null} when it is not an AWS SDK error. */
	public static Translation translate(Throwable error, AwsTarget target) {
		Translation translation = translateCause(error, target);
		String call = LastCall.current();
		if (translation == null || call == null) {
			return translation;
		}
		return new Translation(translation.sentence() + " [" + call + "]", translation.hint());
	}

	private static Translation translateCause(Throwable error, AwsTarget target) {
		Throwable cause = error;
		while (cause != null && !(cause instanceof SdkException)) {
			cause = cause.getCause();
		}
		if (cause == null) {
			return null;
		}
		String where = (target != null && target.endpoint() != null) ? target.endpoint().toString()
				: "AWS" + ((target != null) ? " (" + target.region() + ")" : "");
		if (cause instanceof AwsServiceException service) {
			String code = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorCode() : "";
			String message = (service.awsErrorDetails() != null) ? service.awsErrorDetails().errorMessage() : service.getMessage();
			String serviceName = (service.awsErrorDetails() != null) ? service.awsErrorDetails().serviceName() : "AWS";
			code = (code == null) ? "" : code;
			switch (code) {
				case "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired":
					return new Translation("Your AWS credentials have expired.",
							"refresh them (aws sso login" + profileHint(target) + ") and run the command again.");
				case "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId", "SignatureDoesNotMatch":
					return new Translation("AWS does not recognise these credentials (" + code + ").",
							"check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile" + profileHint(target) + ".");
				case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError":
					Matcher matcher = ACTION.matcher(String.valueOf(message));
					String action = matcher.find() ? matcher.group(1) : serviceName;
					return new Translation("AWS denied " + action + ": " + message,
							"grant " + action + " to the identity the console runs as, or use a profile that has it (--profile).");
				case "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded",
						"SlowDown":
					return new Translation(serviceName + " kept throttling requests after several retries with backoff.",
							"wait a minute and run the command again; a deploy picks up where it stopped.");
				case "ResourceConflictException":
					return new Translation("Lambda is still applying another change to the function: " + message,
							"run the command again in a moment; it waits for updates in progress.");
				default:
					return new Translation(serviceName + " refused the request (" + code + ", HTTP " + service.statusCode()
							+ "): " + message, null);
			}
		}
		if (cause instanceof SdkClientException client) {
			String message = String.valueOf(client.getMessage());
			if (message.contains("Unable to load credentials") || message.contains("credentials")) {
				return new Translation("No AWS credentials were found.",
						"set AWS_PROFILE or pass " + OptionHint.current().profile() + ", or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
			}
			if (message.contains("Unable to load region")) {
				return new Translation("No AWS region is set.",
						"set serverless.deploy.region in the stage's settings or pass " + OptionHint.current().region() + ".");
			}
			if (hasCause(client, ConnectException.class) || message.contains("Connection refused")
					|| message.contains("Unable to execute HTTP request")) {
				return new Translation("Cannot reach " + where + ": " + rootMessage(client),
						(target != null && target.endpoint() != null)
								? "is the emulator running at that address? (./serverless local start for the local cloud)"
								: "check the network connection and proxy settings.");
			}
			return new Translation("The AWS call failed before reaching " + where + ": " + message, null);
		}
		return new Translation(cause.getMessage(), null);
	}

	private static String profileHint(AwsTarget target) {
		return (target != null && target.profile() != null) ? " --profile " + target.profile() : "";
	}

	private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
