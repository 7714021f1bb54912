package io.serverlessspring.local.server;

import java.util.Set;

/**
 * One AWS service of the local cloud: what the {@link Dispatcher} routes to it, and how it answers.
 *
 * <p>A service lives in its own package ({@code io.serverlessspring.local.<service>}) with its protocol
 * handling, its in-memory model and its errors, and is listed once in
 * {@link io.serverlessspring.local.ServiceCatalog}. Requests are routed by the SigV4 signing name of
 * their {@code Authorization} credential scope (or a presigned URL's {@code X-Amz-Credential}), else by
 * the prefix of {@code X-Amz-Target}; when several services share a signing name (API Gateway v1 and
 * v2 both sign as {@code apigateway}), the first whose {@link #accepts} says yes wins.
 */
public interface AwsService extends AutoCloseable {

	/** The SigV4 signing name, e.g. {@code lambda}, {@code s3}, {@code logs}, {@code monitoring}. */
	String signingName();

	/** The protocol the service speaks, used to render its errors. */
	Protocol protocol();

	/** {@code X-Amz-Target} prefixes (before the dot) this service answers, e.g. {@code Logs_20140328}. */
	default Set<String> targetPrefixes() {
		return Set.of();
	}

	/** Whether this service answers the request, for services that share a signing name. */
	default boolean accepts(AwsRequest request) {
		return true;
	}

	/**
	 * Public, unsigned entrances this service serves on the same port (HTTP API stages, function
	 * URLs), asked before any signed dispatch. Read once, after {@link #start}.
	 */
	default java.util.List<FrontDoor> frontDoors() {
		return java.util.List.of();
	}

	/** Called once, after every service is constructed and before the port opens. */
	default void start(LocalContext context) {
	}

	/**
	 * Answers one request. Throw {@link AwsException} for AWS errors: the dispatcher renders it in
	 * {@link #protocol()}'s error shape. Any other exception becomes a 500 {@code InternalFailure}
	 * without a stack trace on the wire (it is logged).
	 */
	AwsResponse handle(AwsRequest request);

	/** Stops background work (timers, child processes). */
	@Override
	default void close() {
	}

}
