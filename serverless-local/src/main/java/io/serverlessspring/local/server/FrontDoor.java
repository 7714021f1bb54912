package io.serverlessspring.local.server;

/**
 * An unsigned HTTP entrance served on the same port as the AWS APIs: an HTTP API's stage, a function
 * URL, Lambda's code downloads, SNS's subscription confirmation links. Asked before any AWS service,
 * so it must only accept its own URL forms (a path under {@code /_aws/…} or a {@code Host} such as
 * {@code <id>.execute-api.localhost}). A service offers its front doors through
 * {@link AwsService#frontDoors()}.
 */
public interface FrontDoor {

	boolean accepts(AwsRequest request);

	AwsResponse serve(AwsRequest request);

	/**
	 * Whether this door is public by design (HTTP APIs, REST APIs, function URLs): it answers requests
	 * from any web origin, as its CORS configuration says. Other doors refuse cross-origin requests.
	 */
	default boolean isPublic() {
		return false;
	}

	/** Whether this door serves a host name besides the loopback ones (a custom domain name it knows). */
	default boolean answersHost(String host) {
		return false;
	}

}
