package io.serverlessspring.boot.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The AWS event sources a handler can be bound to. */
public enum EventSourceType {

	S3("aws:s3"), SNS("aws:sns"), SQS("aws:sqs"), DYNAMODB("aws:dynamodb"), KINESIS("aws:kinesis"), EVENTBRIDGE(null),

	/** A CloudWatch Logs subscription filter on a log group ({@code {"awslogs":{"data":…}}}). */
	LOGS(null),

	/** A Cognito user-pool trigger (pre sign-up, post confirmation, …): the function answers the pool. */
	COGNITO(null),

	/** A Lex V2 bot alias's code hook: the function answers the bot. */
	LEX(null);

	private final String recordSource;

	EventSourceType(String recordSource) {
		this.recordSource = recordSource;
	}

	/** The {@code eventSource} of this type's records ({@code null} for EventBridge, logs, Cognito and Lex: no records). */
	public String recordSource() {
		return this.recordSource;
	}

	/** As written in the manifest and properties: lower case. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type a record's {@code eventSource} names, or {@code null}. */
	public static EventSourceType ofRecordSource(String eventSource) {
		for (EventSourceType type : values()) {
			if (type.recordSource != null && type.recordSource.equals(eventSource)) {
				return type;
			}
		}
		return null;
	}

	/** Parses a property value, naming the allowed ones when it is not one. */
	public static EventSourceType parse(String value, String property) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(property + " is '" + value + "': expected one of "
					+ Arrays.stream(values()).map(EventSourceType::value).collect(Collectors.joining(", ")));
		}
	}

}
