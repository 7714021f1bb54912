package io.serverlessspring.local.server;

/**
 * A public, unsigned HTTP entrance served on the same port as the AWS APIs: an HTTP API's stage, a
 * function URL. Asked before any AWS service, so it must only accept its own URL forms (a path
 * under {@code /_aws/…} or a {@code Host} such as {@code <id>.execute-api.localhost}). A service
 * offers its front doors through {@link AwsService#frontDoors()}.
 */
public interface FrontDoor {

	boolean accepts(AwsRequest request);

	AwsResponse serve(AwsRequest request);

}
