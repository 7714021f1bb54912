package io.serverlessspring.local.apigateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a WebSocket API picks a message's route key from its route selection expression, as API Gateway does. */
class WebSocketRouteSelectionTest {

	@Test
	void aBodyFieldSelectsTheRouteKey() {
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.action", "{\"action\":\"ask\",\"pet\":\"rex\"}"))
			.isEqualTo("ask");
	}

	@Test
	void aNestedFieldIsFollowed() {
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.meta.type", "{\"meta\":{\"type\":\"typing\"}}"))
			.isEqualTo("typing");
	}

	@Test
	void aMessageThatIsNotJsonOrLacksTheFieldSelectsNothingSoDefaultTakesIt() {
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.action", "ping")).isNull();
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.action", "{\"text\":\"hi\"}")).isNull();
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.action", "{\"action\":{\"nested\":1}}")).isNull();
		assertThat(WebSocketApiServer.selectRouteKey("$request.body.action", null)).isNull();
	}

}
