package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.FunctionSpec;
import io.serverlessspring.shell.model.TaskResourcesSpec;
import io.serverlessspring.shell.model.WebSocketSpec;
import io.serverlessspring.shell.state.ActualAlb;
import io.serverlessspring.shell.state.ActualLayers;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualWebSocketApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket API's plans from hand-made states: no AWS. */
class WebSocketPlannerTest {

	private static final String REGION = "eu-west-1";

	private static final String ACCOUNT = "123456789012";

	private static final String ALIAS = Arns.alias(REGION, ACCOUNT, "shop-dev");

	private static final WebSocketSpec CHAT = new WebSocketSpec("shop-dev-websocket", "$request.body.action",
			List.of("$connect", "$default", "$disconnect", "ask"), "dev");

	@Test
	void aFirstDeployCreatesTheApiThenThePermissionOnItsId() {
		List<ResourceChange> changes = plan(CHAT, null, Map.of());

		assertThat(changes).extracting(ResourceChange::describe).containsExactly(
				"create WebSocket API shop-dev-websocket (routes $connect, $default, $disconnect, ask -> live, stage dev)",
				"create permission serverless-websocket (the WebSocket API may invoke live)");
		HttpChanges.Permission permission = (HttpChanges.Permission) changes.get(1);
		assertThat(permission.sourceArn()).hasToString("arn:aws:execute-api:eu-west-1:123456789012:ref(webSocketApiId)/*");
	}

	@Test
	void anApiAsDeployedPlansNothing() {
		assertThat(plan(CHAT, deployed(CHAT.routeKeys()), permission("ws1"))).isEmpty();
	}

	@Test
	void aNewRouteKeyUpdatesTheApi() {
		List<ResourceChange> changes = plan(CHAT, deployed(List.of("$connect", "$default")), permission("ws1"));

		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.describe()).isEqualTo("update WebSocket API shop-dev-websocket (ws1) (routes [$connect, $default]"
					+ " -> [$connect, $default, $disconnect, ask])");
			assertThat(((WebSocketChanges.WebSocketApi) change).routeKeys()).isEqualTo(CHAT.routeKeys());
		});
	}

	@Test
	void anAppWithoutRoutesLosesTheApiAndItsPermission() {
		assertThat(plan(null, deployed(CHAT.routeKeys()), permission("ws1"))).extracting(ResourceChange::describe)
			.containsExactly("delete WebSocket API shop-dev-websocket (ws1) (the app has no @WebSocketRoute any more)",
					"delete permission serverless-websocket (no WebSocket API)");
	}

	@Test
	void undeployDeletesTheApi() {
		List<ResourceChange> changes = new ArrayList<>();
		WebSocketPlanner.teardown("shop-dev", actual(deployed(CHAT.routeKeys()), Map.of()), changes);

		assertThat(changes).extracting(ResourceChange::describe).containsExactly("delete WebSocket API shop-dev-websocket (ws1)");
	}

	private static List<ResourceChange> plan(WebSocketSpec spec, ActualWebSocketApi api, Map<String, String> permissions) {
		List<ResourceChange> changes = new ArrayList<>();
		WebSocketPlanner.plan(desired(spec), actual(api, permissions), changes, new ArrayList<>());
		return changes;
	}

	private static ActualWebSocketApi deployed(List<String> keys) {
		Map<String, String> routes = new java.util.LinkedHashMap<>();
		keys.forEach((key) -> routes.put(key, "integrations/int1"));
		return new ActualWebSocketApi("ws1", "wss://ws1.execute-api.eu-west-1.amazonaws.com", "$request.body.action",
				Map.of(), Map.of("int1", Arns.lambdaInvocationUri(REGION, ALIAS)), routes, Set.of("dev"));
	}

	private static Map<String, String> permission(String apiId) {
		return Map.of(WebSocketPlanner.PERMISSION, "{\"SourceArn\":\"arn:aws:execute-api:eu-west-1:123456789012:" + apiId + "/*\"}");
	}

	private static DesiredStage desired(WebSocketSpec spec) {
		FunctionSpec function = new FunctionSpec("shop-dev", "", "java21", "handler", "x86_64", 512, 30, 512, Map.of(),
				List.of(), "PassThrough", null, null, List.of(), List.of(), false, null, 0);
		return new DesiredStage("shop", "dev", REGION, ACCOUNT, Map.of(), null, null, null, null, null, function, null, 10,
				null, null, List.of(), null, List.of(), List.of(), TaskResourcesSpec.NONE, spec, null);
	}

	private static ActualStage actual(ActualWebSocketApi api, Map<String, String> permissions) {
		ActualStage empty = ActualStage.empty();
		return new ActualStage(null, null, true, true, null, List.of(), Map.of(ResourceNames.ALIAS, "3"), null, null, null,
				null, permissions, false, Map.of(), Map.of(), Set.of(), ActualStage.ActualTasks.NONE, empty.events(),
				empty.security(), List.of(), List.of(), api, ActualAlb.NONE, ActualLayers.NONE);
	}

}
