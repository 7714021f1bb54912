package io.serverlessspring.shell.deploy;

/**
 * The options every stage command takes.
 *
 * @param project the project folder (default: the current directory)
 * @param profile AWS profile, or {@code null}
 * @param region AWS region, or {@code null}
 * @param endpointUrl AWS endpoint (an emulator), or {@code null} (then {@code AWS_ENDPOINT_URL})
 */
public record CommonOptions(String project, String profile, String region, String endpointUrl) {
}
