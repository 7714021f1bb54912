package io.serverlessspring.shell.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.serverlessspring.boot.naming.Arns;
import io.serverlessspring.boot.naming.ResourceNames;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.WebSocketSpec;
import io.serverlessspring.shell.state.ActualStage;
import io.serverlessspring.shell.state.ActualWebSocketApi;

/**
 * Plans the stage's WebSocket API and the permission letting it invoke the alias. It stands beside
 * the HTTP front ({@code serverless.http.type}), not in its place: an app may serve both.
 */
final class WebSocketPlanner {

	/** Statement id of the permission letting the WebSocket API invoke the live alias. */
	static final String PERMISSION = "serverless-websocket";

	private WebSocketPlanner() {
	}

	static void plan(DesiredStage desired, ActualStage actual, List<ResourceChange> changes, List<String> unchanged) {
		WebSocketSpec spec = desired.webSocket();
		ActualWebSocketApi api = actual.webSocketApi();
		String function = desired.functionName();
		if (spec == null) {
			if (api != null) {
				changes.add(delete(function, api, "the app has no @WebSocketRoute any more"));
			}
			if (actual.permissions().containsKey(PERMISSION)) {
				changes.add(HttpPlanner.removePermission(function, PERMISSION, "no WebSocket API"));
			}
			return;
		}
		if (api == null) {
			changes.add(new WebSocketChanges.WebSocketApi(Action.CREATE, spec.name(), null, desired.aliasArn(),
					desired.region(), function, spec.routeSelection(), spec.routeKeys(), spec.stageName(), desired.tags(),
					"routes " + String.join(", ", spec.routeKeys()) + " -> " + ResourceNames.ALIAS + ", stage "
							+ spec.stageName(),
					List.of(FieldChange.of("routes", null, spec.routeKeys()),
							FieldChange.of("route selection", null, spec.routeSelection()))));
		}
		else {
			List<FieldChange> differences = differences(spec, api, desired.aliasArn());
			if (differences.isEmpty()) {
				unchanged.add("WebSocket API " + spec.name() + " (" + api.id() + ")");
			}
			else {
				changes.add(new WebSocketChanges.WebSocketApi(Action.UPDATE, spec.name(), api.id(), desired.aliasArn(),
						desired.region(), function, spec.routeSelection(), spec.routeKeys(), spec.stageName(),
						desired.tags(), ResourceChange.describe(differences), differences));
			}
		}
		permission(desired, actual, (api != null) ? api.id() : null, changes);
	}

	/** Undeploy: the API goes (its permission goes with the function). */
	static void teardown(String function, ActualStage actual, List<ResourceChange> changes) {
		if (actual.webSocketApi() != null) {
			changes.add(delete(function, actual.webSocketApi(), ""));
		}
	}

	private static WebSocketChanges.WebSocketApi delete(String function, ActualWebSocketApi api, String detail) {
		return new WebSocketChanges.WebSocketApi(Action.DELETE, ResourceNames.webSocketApi(function), api.id(), null, null,
				function, null, List.of(), null, Map.of(), detail, List.of());
	}

	/** What differs between the spec and the API: route selection, routes and their target, the stage. */
	private static List<FieldChange> differences(WebSocketSpec spec, ActualWebSocketApi api, String aliasArn) {
		List<FieldChange> fields = new ArrayList<>();
		if (!Objects.equals(spec.routeSelection(), api.routeSelection())) {
			fields.add(FieldChange.of("route selection", api.routeSelection(), spec.routeSelection()));
		}
		String integration = api.integrations().entrySet().stream()
			.filter(e -> e.getValue() != null && e.getValue().contains(aliasArn))
			.map(Map.Entry::getKey).findFirst().orElse(null);
		List<String> wired = api.routes().entrySet().stream()
			.filter(e -> integration != null && ("integrations/" + integration).equals(e.getValue()))
			.map(Map.Entry::getKey).sorted().toList();
		if (!wired.equals(spec.routeKeys()) || api.routes().size() != wired.size()) {
			fields.add(FieldChange.of("routes", api.routes().keySet().stream().sorted().toList(), spec.routeKeys()));
		}
		if (!api.stages().contains(spec.stageName())) {
			fields.add(FieldChange.of("stage", null, spec.stageName()));
		}
		return fields;
	}

	private static void permission(DesiredStage desired, ActualStage actual, String apiId, List<ResourceChange> changes) {
		String statement = actual.permissions().get(PERMISSION);
		if (statement != null && apiId != null && statement.contains(apiId)) {
			return;
		}
		Value source = (apiId != null) ? Value.known(Arns.executeApi(desired.region(), desired.account(), apiId, "/*"))
				: Value.ref(Arns.executeApi(desired.region(), desired.account(), "", ""), WebSocketChanges.API_ID, "/*");
		changes.add(new HttpChanges.Permission((statement == null) ? Action.CREATE : Action.REPLACE,
				desired.functionName(), ResourceNames.ALIAS, PERMISSION, "apigateway.amazonaws.com",
				"lambda:InvokeFunction", source, null, null, "the WebSocket API may invoke " + ResourceNames.ALIAS,
				List.of(FieldChange.of("source", null, source.toString()))));
	}

}
