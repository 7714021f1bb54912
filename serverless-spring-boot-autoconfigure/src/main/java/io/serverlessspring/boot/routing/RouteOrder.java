package io.serverlessspring.boot.routing;

/**
 * Where each route stands in the {@link EventRouter}'s line ({@code @Order}, lowest first), in one
 * place so the whole line reads at a glance. Each route accepts only its own event shape, so the
 * order matters only where two shapes look alike and for the cost of asking: the hot path first.
 * {@code docs/reference/architecture.md} shows the same line.
 */
public final class RouteOrder {

	/**
	 * API Gateway Lambda-authorizer events: before HTTP, because a REST {@code REQUEST} authorizer
	 * event carries a path, headers and a request context much like a REST request does.
	 */
	public static final int AUTHORIZER = -100;

	/**
	 * The HTTP routes (REST API v1, HTTP API v2, Function URL, ALB): their shapes are precise and
	 * disjoint, and HTTP is the hot path, so they are asked before any runtime route.
	 */
	public static final int HTTP = 0;

	/**
	 * API Gateway WebSocket events: right after HTTP, whose shapes they never match (no
	 * {@code httpMethod} or {@code rawPath}; {@code requestContext.eventType} and
	 * {@code connectionId} instead), and before the runtime routes, as front-door traffic.
	 */
	public static final int WEBSOCKET = 50;

	/**
	 * Keep-warm pings: first of the runtime routes, so a ping costs one JSON look, and ahead of
	 * schedules, which would otherwise look the keep-warm rule's {@code Scheduled Event} up.
	 */
	public static final int KEEP_WARM = 100;

	/** {@code invoke} / {@code manage} envelopes from the console: before tasks, after keep-warm. */
	public static final int COMMANDS = 200;

	/**
	 * Tasks (direct envelopes and task messages on SNS/SQS): before schedules and AWS events,
	 * because task messages arrive as SNS/SQS records the events route would also take.
	 */
	public static final int TASKS = 300;

	/**
	 * Schedules (the schedule envelope, or an EventBridge rule's {@code Scheduled Event}): before
	 * AWS events, because a rule's event is an EventBridge event the events route would also take.
	 */
	public static final int SCHEDULES = 400;

	/**
	 * AWS event records (S3, SNS, SQS, DynamoDB and Kinesis streams) and EventBridge events: last,
	 * as the broadest shapes; tasks and schedules have claimed theirs by then.
	 */
	public static final int AWS_EVENTS = 500;

	/**
	 * CloudWatch Logs subscriptions ({@code awslogs}), Cognito user-pool triggers
	 * ({@code triggerSource} + {@code userPoolId}) and Lex V2 code hooks ({@code invocationSource} +
	 * {@code sessionId} + {@code bot}): shapes no other route takes, after the AWS events.
	 */
	public static final int AWS_TRIGGERS = 510;

	private RouteOrder() {
	}

}
