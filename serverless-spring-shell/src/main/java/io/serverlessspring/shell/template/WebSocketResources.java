package io.serverlessspring.shell.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.shell.model.WebSocketSpec;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.join;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;

/**
 * The WebSocket API deploy creates beside the HTTP front when the app has {@code @WebSocketRoute}
 * handlers: the API, its Lambda proxy integration, a route per key, the stage and the permission.
 */
final class WebSocketResources {

	private WebSocketResources() {
	}

	static void add(TemplateDocument stack) {
		WebSocketSpec spec = stack.desired().webSocket();
		if (spec == null) {
			return;
		}
		stack.resource("WebSocketApi", "AWS::ApiGatewayV2::Api", map("Name", spec.name(), "ProtocolType", "WEBSOCKET",
				"RouteSelectionExpression", spec.routeSelection(), "Description",
				"Managed by serverless-spring for " + stack.functionName(), "Tags",
				new LinkedHashMap<>(stack.desired().tags())));
		stack.resource("WebSocketIntegration", "AWS::ApiGatewayV2::Integration", map("ApiId", ref("WebSocketApi"),
				"IntegrationType", "AWS_PROXY", "IntegrationUri", StackArns.invocationUri(stack.aliasInSub()),
				"IntegrationMethod", "POST"));
		List<String> routes = new java.util.ArrayList<>();
		for (String key : spec.routeKeys()) {
			String logicalId = "WebSocketRoute" + logicalName(key);
			routes.add(logicalId);
			stack.resource(logicalId, "AWS::ApiGatewayV2::Route", map("ApiId", ref("WebSocketApi"), "RouteKey", key,
					"Target", join("/", List.of("integrations", ref("WebSocketIntegration")))));
		}
		Map<String, Object> stage = stack.resource("WebSocketStage", "AWS::ApiGatewayV2::Stage", map("ApiId",
				ref("WebSocketApi"), "StageName", spec.stageName(), "AutoDeploy", true, "Tags",
				new LinkedHashMap<>(stack.desired().tags())));
		// Auto-deploy snapshots the routes that exist when the stage is made: make it after them.
		stage.put("DependsOn", routes);
		stack.permission("WebSocketPermission", "apigateway.amazonaws.com", StackArns.executeApi("WebSocketApi", "/*"));
		stack.output("WebSocketUrl", join("", List.of(getAtt("WebSocketApi", "ApiEndpoint"), "/" + spec.stageName())));
	}

	/** {@code $connect} → {@code Connect}, {@code ask} → {@code KeyAsk}, {@code chat-message} → {@code KeyChatmessage<hash>}. */
	private static String logicalName(String key) {
		if (key.startsWith("$")) {
			return Character.toUpperCase(key.charAt(1)) + key.substring(2);
		}
		String letters = key.replaceAll("[^A-Za-z0-9]", "");
		String name = "Key" + (letters.isEmpty() ? "" : Character.toUpperCase(letters.charAt(0)) + letters.substring(1));
		return letters.equals(key) ? name : name + TemplateDocument.hash(key);
	}

}
