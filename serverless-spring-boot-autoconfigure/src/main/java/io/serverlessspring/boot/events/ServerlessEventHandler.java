package io.serverlessspring.boot.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a public bean method to an AWS event source; the console creates the source's trigger
 * (event source mapping, subscription, notification, rule) from the manifest.
 *
 * <p>The method takes the whole typed event ({@code SQSEvent}, {@code S3Event}, ...), one typed
 * record ({@code SQSEvent.SQSMessage}, {@code DynamodbEvent.DynamodbStreamRecord}, ...), or a user
 * type read as JSON from each record's body (SQS body, SNS message, Kinesis data, DynamoDB new
 * image, EventBridge detail), optionally followed by the Lambda {@code Context}. With records one by
 * one, a failing SQS message, Kinesis or DynamoDB record is reported back (partial batch failure)
 * so only it is retried.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServerlessEventHandler {

	/**
	 * The kind of source. {@code LOGS}: a log group's subscription filter (takes
	 * {@link CloudWatchLogsData}, one {@link CloudWatchLogsData.LogEvent}, or each message as its own
	 * type); {@code COGNITO}: one user-pool trigger named in {@link #events()} (takes and returns its
	 * {@code CognitoUserPool*Event}); {@code LEX}: a Lex V2 bot alias's code hook (takes
	 * {@link LexV2Event}, returns {@link LexV2Response}).
	 */
	EventSourceType type();

	/**
	 * The source: bucket (s3), topic (sns), queue (sqs), table or stream ARN (dynamodb), stream
	 * (kinesis), event bus (eventbridge, default {@code default}), log group (logs), user pool id
	 * (cognito), bot alias ARN (lex); a name or an ARN. Placeholders are resolved.
	 */
	String source() default "";

	/** Records per batch; 0 means the AWS default. */
	int batchSize() default 0;

	/** Seconds the event source mapping gathers records before invoking. */
	int batchWindowSeconds() default 0;

	/** Where a stream starts: LATEST or TRIM_HORIZON (dynamodb, kinesis). */
	String startingPosition() default "LATEST";

	/** Report failed records only (sqs, dynamodb, kinesis); otherwise one failure fails the batch. */
	boolean reportBatchItemFailures() default true;

	/**
	 * S3 events, e.g. {@code s3:ObjectCreated:*}; default {@code s3:ObjectCreated:*}. For cognito,
	 * the one trigger: {@code PreSignUp}, {@code PostConfirmation}, {@code PreAuthentication},
	 * {@code PostAuthentication}, {@code PreTokenGeneration}, {@code CustomMessage}, … ({@link CognitoTrigger}).
	 */
	String[] events() default {};

	/** S3 key prefix filter. */
	String prefix() default "";

	/** S3 key suffix filter. */
	String suffix() default "";

	/** CloudWatch Logs filter pattern of the subscription (logs), e.g. {@code ERROR}; empty: every log event. */
	String filterPattern() default "";

	/** EventBridge event pattern (JSON), e.g. {@code {"source":["petstore.orders"]}}. */
	String pattern() default "";

	/**
	 * EventBridge: the SQS queue (name or ARN) the rule's target sends events it could not deliver
	 * to; empty for none. Placeholders are resolved.
	 */
	String deadLetterQueue() default "";

	/** DynamoDB: deploy enables the table's stream (with {@link #streamViewType()}) when it has none. */
	boolean enableStream() default false;

	/** DynamoDB: the view type of a stream deploy enables: NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY. */
	String streamViewType() default "NEW_AND_OLD_IMAGES";

}
