package io.serverlessspring.shell.model;

/**
 * The function's log group.
 *
 * @param name {@code /aws/lambda/<function>}
 * @param retentionDays days kept; 0 keeps logs forever
 */
public record LogGroupSpec(String name, int retentionDays) {
}
