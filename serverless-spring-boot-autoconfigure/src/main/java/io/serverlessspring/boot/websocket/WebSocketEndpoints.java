package io.serverlessspring.boot.websocket;

import java.net.URI;

/**
 * Where the management API of the stage's WebSocket API is: the setting
 * {@code serverless.http.websocket.management-endpoint}; else none when the SDK's own endpoint
 * setting points every client elsewhere (a local cloud's {@code AWS_ENDPOINT_URL}); else
 * {@code https://<domainName>/<stage>} of the last WebSocket event (a Lambda environment handles
 * one event at a time, so during a WebSocket invocation that is the event being handled).
 */
public class WebSocketEndpoints {

	private final String configured;

	private volatile URI lastSeen;

	/** @param configured {@code serverless.http.websocket.management-endpoint}, or {@code null} */
	public WebSocketEndpoints(String configured) {
		this.configured = (configured == null || configured.isBlank()) ? null : configured.trim();
	}

	/** Records the API of a WebSocket event. */
	void seen(String domainName, String stage) {
		if (domainName != null && !domainName.isBlank() && stage != null && !stage.isBlank()) {
			this.lastSeen = URI.create("https://" + domainName + "/" + stage);
		}
	}

	/**
	 * The endpoint override for the management API client, or {@code null} to let the SDK resolve it.
	 * @throws IllegalStateException when none is known, naming the setting to use
	 */
	public URI endpointOverride() {
		if (this.configured != null) {
			try {
				return URI.create(this.configured);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("serverless.http.websocket.management-endpoint is not a URL: "
						+ this.configured, ex);
			}
		}
		if (sdkEndpointConfigured()) {
			return null;
		}
		URI seen = this.lastSeen;
		if (seen == null) {
			throw new IllegalStateException("No WebSocket management endpoint is known yet: no WebSocket event has"
					+ " reached this function. Set serverless.http.websocket.management-endpoint"
					+ " (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>) to send before one does.");
		}
		return seen;
	}

	private static boolean sdkEndpointConfigured() {
		// The SDK's own endpoint settings (system property, then environment), service-specific first.
		for (String[] setting : new String[][] {
				{ "aws.endpointUrlApiGatewayManagementApi", "AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI" },
				{ "aws.endpointUrl", "AWS_ENDPOINT_URL" } }) {
			if (System.getProperty(setting[0]) != null || System.getenv(setting[1]) != null) {
				return true;
			}
		}
		return false;
	}

}
