package io.serverlessspring.boot.settings;

/**
 * {@code serverless.http.websocket.*}: the WebSocket API deploy creates when the app has
 * {@code @WebSocketRoute} handlers, beside (not instead of) the stage's HTTP front, since one app
 * often serves both a REST surface and live updates.
 */
public class HttpWebSocketSettings {

	/**
	 * The route selection expression API Gateway evaluates on each message to pick a route key, e.g.
	 * {@code $request.body.action} (default): a message {@code {"action":"chat"}} goes to the
	 * {@code chat} route, one without a matching route to {@code $default}.
	 */
	private String routeSelection = "$request.body.action";

	/**
	 * The management API endpoint {@code WebSocketConnections} sends to, e.g.
	 * {@code https://abc123.execute-api.eu-west-1.amazonaws.com/prod}. Unset: the SDK's endpoint
	 * setting ({@code AWS_ENDPOINT_URL}, as in a local cloud), else {@code https://<domainName>/<stage>}
	 * of the WebSocket event being handled (or the last one seen).
	 */
	private String managementEndpoint;

	public String getRouteSelection() {
		return this.routeSelection;
	}

	public void setRouteSelection(String routeSelection) {
		this.routeSelection = routeSelection;
	}

	public String getManagementEndpoint() {
		return this.managementEndpoint;
	}

	public void setManagementEndpoint(String managementEndpoint) {
		this.managementEndpoint = managementEndpoint;
	}

}
