package io.serverlessspring.boot.scheduling;

/**
 * An EventBridge schedule expression ({@code cron(...)} or {@code rate(...)}) and its IANA time
 * zone ({@code null}: UTC), as EventBridge Scheduler takes them.
 */
public record ScheduleExpression(String expression, String timezone) {
}
