package io.serverlessspring.boot.websocket;

import java.io.IOException;
import java.util.List;

import io.serverlessspring.boot.handler.ServerlessHandler;
import io.serverlessspring.boot.testsupport.Fixtures;
import io.serverlessspring.boot.testsupport.RecordingLambdaEndpoint;
import io.serverlessspring.boot.testsupport.Routing;
import io.serverlessspring.boot.websocketapp.ChatApplication;
import io.serverlessspring.boot.websocketapp.ChatRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * API Gateway WebSocket events (real-format fixtures) through the Lambda entry point to the app's
 * {@link WebSocketRoute} methods; the reply goes out through the management API to an HTTP server
 * standing in for API Gateway.
 */
class WebSocketRouteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RecordingLambdaEndpoint managementApi;

	private static ServerlessHandler handler;

	@BeforeAll
	static void start() throws IOException {
		managementApi = RecordingLambdaEndpoint.start();
		System.setProperty("serverless.http.websocket.management-endpoint", managementApi.uri() + "/prod");
		handler = new ServerlessHandler(ChatApplication.class);
	}

	@AfterAll
	static void stop() {
		System.clearProperty("serverless.http.websocket.management-endpoint");
		managementApi.close();
	}

	@BeforeEach
	void clear() {
		managementApi.clear();
		routes().clear();
	}

	@Test
	void connectReachesTheConnectHandlerWhichAccepts() throws IOException {
		String response = handler.invoke(Fixtures.event("apigw-websocket/connect.json"), Routing.LIVE);

		assertThat(JSON.readTree(response).path("statusCode").asInt()).isEqualTo(200);
		assertThat(routes().calls()).containsExactly("connect(SxGYjdVToAMCJKg=,lobby)");
	}

	@Test
	void aConnectHandlerRefusesWithItsStatus() throws IOException {
		String closedRoom = Fixtures.event("apigw-websocket/connect.json").replace("\"lobby\"", "\"closed\"");

		assertThat(JSON.readTree(handler.invoke(closedRoom, Routing.LIVE)).path("statusCode").asInt()).isEqualTo(403);
	}

	@Test
	void aMessageOfACustomRouteKeyReachesItsHandlerWhichRepliesThroughTheManagementApi() throws IOException {
		String response = handler.invoke(Fixtures.event("apigw-websocket/message-sendmessage.json"), Routing.LIVE);

		assertThat(JSON.readTree(response)).isEqualTo(JSON.readTree("{\"statusCode\":200}"));
		assertThat(routes().calls()).containsExactly("send(SxGYjdVToAMCJKg=,hello, lobby)");
		List<RecordingLambdaEndpoint.Request> posts = managementApi.requests();
		assertThat(posts).singleElement().satisfies((post) -> {
			assertThat(post.method()).isEqualTo("POST");
			assertThat(post.path()).isEqualTo("/prod/@connections/SxGYjdVToAMCJKg%3D");
			assertThat(post.body()).isEqualTo("you said: hello, lobby");
			assertThat(post.header("Authorization")).contains("/execute-api/aws4_request");
		});
	}

	@Test
	void aMessageOfTheDefaultRouteGetsTheHandlersValueAsAJsonBody() throws IOException {
		String response = handler.invoke(Fixtures.event("apigw-websocket/message-default.json"), Routing.LIVE);

		assertThat(JSON.readTree(response)).isEqualTo(JSON.readTree(
				"{\"statusCode\":200,\"body\":\"{\\\"echo\\\":\\\"ping\\\"}\",\"headers\":{\"Content-Type\":\"application/json\"}}"));
		assertThat(routes().calls()).containsExactly("echo(ping)");
	}

	@Test
	void aMessageWhoseKeyHasNoHandlerGoesToTheDefaultHandler() throws IOException {
		String unknownKey = Fixtures.event("apigw-websocket/message-sendmessage.json")
			.replace("\"routeKey\": \"sendmessage\"", "\"routeKey\": \"typing\"");

		handler.invoke(unknownKey, Routing.LIVE);

		assertThat(routes().calls()).containsExactly("echo({\"action\":\"sendmessage\",\"text\":\"hello, lobby\"})");
	}

	@Test
	void disconnectReachesTheDisconnectHandler() throws IOException {
		String response = handler.invoke(Fixtures.event("apigw-websocket/disconnect.json"), Routing.LIVE);

		assertThat(JSON.readTree(response).path("statusCode").asInt()).isEqualTo(200);
		assertThat(routes().calls()).containsExactly("disconnect(SxGYjdVToAMCJKg=,DISCONNECT)");
	}

	@Test
	void aMessageThatIsNotTheHandlersTypeFailsNamingTheRouteAndType() {
		String notJson = Fixtures.event("apigw-websocket/message-sendmessage.json")
			.replace("\"body\": \"{\\\"action\\\":\\\"sendmessage\\\",\\\"text\\\":\\\"hello, lobby\\\"}\"", "\"body\": \"hello\"");

		assertThatIllegalArgumentException().isThrownBy(() -> handler.invoke(notJson, Routing.LIVE))
			.withMessageContaining("The message to route 'sendmessage' is not a")
			.withMessageContaining("ChatMessage");
	}

	@Test
	void otherEventsPassTheWebSocketRouteToTheirOwn() throws IOException {
		String warm = handler.invoke(Fixtures.event("keep-warm/envelope.json"), Routing.LIVE);

		assertThat(warm).isEqualTo("{\"ok\":true,\"kind\":\"keep-warm\"}");
		// The chat app has no SQS handler: the events route (not this one) says so.
		assertThatIllegalStateException().isThrownBy(() -> handler.invoke(Fixtures.event("sqs/audit-batch.json"), Routing.LIVE))
			.withMessageContaining("No event handler is bound to the sqs source");
		assertThat(routes().calls()).isEmpty();
	}

	@Test
	void theManifestListsARoutePerKey() {
		List<WebSocketRouteDefinition> routes = handler.application().context().getBean(WebSocketRouteRegistry.class).all();

		assertThat(routes).extracting(WebSocketRouteDefinition::routeKey)
			.containsExactly("$connect", "$default", "$disconnect", "sendmessage");
	}

	private static ChatRoutes routes() {
		return handler.application().context().getBean(ChatRoutes.class);
	}

}
