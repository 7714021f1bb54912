package io.serverlessspring.local.apigateway;

import io.serverlessspring.local.server.AwsException;
import io.serverlessspring.local.server.AwsRequest;
import io.serverlessspring.local.server.AwsResponse;
import io.serverlessspring.local.server.AwsService;
import io.serverlessspring.local.server.Json;
import io.serverlessspring.local.server.LocalContext;
import io.serverlessspring.local.server.Protocol;
import io.serverlessspring.local.server.RestRouter;
import org.java_websocket.framing.CloseFrame;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway's management API for WebSocket connections (signing name {@code execute-api}):
 * {@code POST @connections/{id}} sends the body to the client, {@code GET} describes the
 * connection, {@code DELETE} closes it; a connection that is not open is {@code GoneException}
 * (410). Paths with or without the stage prefix ({@code /<stage>/@connections/…}) are accepted, so
 * a client on the API's own endpoint and one on the local cloud's endpoint both work.
 */
public final class ConnectionsService implements AwsService {

	private final RestRouter router = new RestRouter("NotFoundException");

	private LocalContext context;

	public ConnectionsService() {
		for (String prefix : new String[] { "", "/{stage}" }) {
			String path = prefix + "/@connections/{connectionId}";
			this.router.add("POST", path, (r, p) -> post(r, p.get("connectionId")))
				.add("GET", path, (r, p) -> get(p.get("connectionId")))
				.add("DELETE", path, (r, p) -> delete(p.get("connectionId")));
		}
	}

	@Override
	public String signingName() {
		return "execute-api";
	}

	@Override
	public Protocol protocol() {
		return Protocol.REST_JSON;
	}

	@Override
	public boolean accepts(AwsRequest request) {
		return request.rawPath().contains("/@connections/");
	}

	@Override
	public void start(LocalContext context) {
		this.context = context;
	}

	@Override
	public AwsResponse handle(AwsRequest request) {
		return this.router.route(request);
	}

	private AwsResponse post(AwsRequest request, String id) {
		WebSocketConnection connection = open(id);
		if (request.body().length > 128 * 1024) {
			throw new AwsException(413, "PayloadTooLargeException", "Message too long: at most 128 KB");
		}
		connection.socket().send(request.bodyText());
		return AwsResponse.empty(200);
	}

	private AwsResponse get(String id) {
		WebSocketConnection connection = open(id);
		ObjectNode out = Json.object();
		out.put("connectedAt", connection.connectedAt().toString());
		ObjectNode identity = out.putObject("identity");
		identity.put("sourceIp", connection.sourceIp());
		if (connection.userAgent() != null) {
			identity.put("userAgent", connection.userAgent());
		}
		out.put("lastActiveAt", this.context.clock().instant().toString());
		return AwsResponse.json(200, out);
	}

	private AwsResponse delete(String id) {
		open(id).socket().close(CloseFrame.NORMAL, "Closed by the management API");
		return AwsResponse.empty(204);
	}

	private WebSocketConnection open(String id) {
		WebSocketApiServer server = this.context.service(HttpApiService.class).webSockets();
		WebSocketConnection connection = (server != null) ? server.connection(id).orElse(null) : null;
		if (connection == null || !connection.socket().isOpen()) {
			throw new AwsException(410, "GoneException", "Connection " + id + " is gone");
		}
		return connection;
	}

}
