package io.serverlessspring.shell.model;

/**
 * One EventBridge Scheduler schedule invoking the live alias.
 *
 * @param name the schedule's name in the stage's group
 * @param expression {@code cron(...)} or {@code rate(...)}
 * @param timezone IANA zone or {@code null} for UTC
 * @param enabled whether it fires
 * @param input the JSON the function receives
 */
public record ScheduleSpec(String name, String expression, String timezone, boolean enabled, String input) {
}
