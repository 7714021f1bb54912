package io.serverlessspring.shell.plan;

import java.util.List;
import java.util.Map;

/** Changes to the stage's WebSocket API. */
public final class WebSocketChanges {

	/** Output: the id of the WebSocket API (for the invoke permission's source ARN). */
	public static final String API_ID = "webSocketApiId";

	/** Output: the URL clients connect to, {@code wss://<id>.execute-api.<region>.amazonaws.com/<stage>}. */
	public static final String URL = "webSocketUrl";

	private WebSocketChanges() {
	}

	/**
	 * The WebSocket API (API Gateway v2, protocol WEBSOCKET) with its route selection expression, one
	 * Lambda proxy integration to the live alias, exactly the routes {@code routeKeys} (others
	 * removed) and the stage {@code stageName}, auto-deployed; outputs {@link #API_ID} and {@link #URL}.
	 */
	public record WebSocketApi(Action action, String name, String id, String aliasArn, String region, String function,
			String routeSelection, List<String> routeKeys, String stageName, Map<String, String> tags, String detail,
			List<FieldChange> fields) implements ResourceChange {

		@Override
		public String kind() {
			return "WebSocket API";
		}

		@Override
		public String resource() {
			return (this.id != null) ? this.name + " (" + this.id + ")" : this.name;
		}

	}

}
