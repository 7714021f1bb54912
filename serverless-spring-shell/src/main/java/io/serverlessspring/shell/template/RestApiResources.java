package io.serverlessspring.shell.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.HttpAuthSettings;
import io.serverlessspring.boot.settings.HttpCorsSettings;
import io.serverlessspring.boot.settings.HttpRestApiSettings;
import io.serverlessspring.boot.settings.HttpSettings;
import io.serverlessspring.shell.model.HttpSecuritySpec;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;
import static io.serverlessspring.shell.template.Cfn.sub;
import static io.serverlessspring.shell.template.TemplateDocument.require;

/**
 * A REST API front: endpoint type, binary types, resource policy, Cognito or Lambda authorizer,
 * CORS preflight methods and gateway responses, deployment and stage (throttling, access log), API keys with their usage plan.
 */
final class RestApiResources {

	private final TemplateDocument stack;

	private final HttpResources shared;

	private final HttpSettings http;

	RestApiResources(TemplateDocument stack, HttpResources shared) {
		this.stack = stack;
		this.shared = shared;
		this.http = stack.settings().getHttp();
	}

	void add() {
		var rest = this.http.getRest();
		Map<String, Object> api = map("Name", this.stack.desired().http().name(), "Description",
				"Managed by serverless-spring for " + this.stack.functionName());
		Map<String, Object> endpoint = map("Types", List.of(rest.getEndpointType().name()));
		if (!rest.getVpcEndpointIds().isEmpty()) {
			endpoint.put("VpcEndpointIds", rest.getVpcEndpointIds());
		}
		api.put("EndpointConfiguration", endpoint);
		List<String> binary = HttpSecuritySpec.restBinaryMediaTypes(this.http);
		if (!binary.isEmpty()) {
			api.put("BinaryMediaTypes", binary);
		}
		if (rest.getResourcePolicy() != null && !rest.getResourcePolicy().isBlank()) {
			api.put("Policy", Cfn.json(rest.getResourcePolicy()));
		}
		api.put("Tags", this.stack.tagList());
		this.stack.resource("RestApi", "AWS::ApiGateway::RestApi", api);
		this.stack.resource("RestApiProxyResource", "AWS::ApiGateway::Resource", map("RestApiId", ref("RestApi"),
				"ParentId", getAtt("RestApi", "RootResourceId"), "PathPart", "{proxy+}"));
		String authorizationType = authorizer(this.http.getAuth());
		List<String> methods = proxyMethods(authorizationType, rest.getApiKeys().isEnabled());
		if (this.http.getCors().isEnabled()) {
			corsOptions(this.http.getCors(), methods);
		}
		String deployment = "RestApiDeployment" + TemplateDocument.hash(this.stack.desired().versionDescription() + methods);
		this.stack.resource(deployment, "AWS::ApiGateway::Deployment", map("RestApiId", ref("RestApi")))
			.put("DependsOn", methods);
		Map<String, Object> stage = map("RestApiId", ref("RestApi"), "DeploymentId", ref(deployment), "StageName",
				this.stack.desired().stage());
		if (this.http.getThrottling().isEnabled()) {
			stage.put("MethodSettings", List.of(map("HttpMethod", "*", "ResourcePath", "/*", "ThrottlingRateLimit",
					this.http.getThrottling().getRateLimit(), "ThrottlingBurstLimit", this.http.getThrottling().getBurstLimit())));
		}
		this.shared.accessLog(stage, "AccessLogSetting");
		stage.put("Tags", this.stack.tagList());
		this.stack.resource("RestApiStage", "AWS::ApiGateway::Stage", stage);
		if (rest.getApiKeys().isEnabled()) {
			apiKeys(rest.getApiKeys());
		}
		this.stack.permission("RestApiPermission", "apigateway.amazonaws.com", StackArns.executeApi("RestApi", "/*"));
		this.stack.output("Url", sub("https://${RestApi}.execute-api.${AWS::Region}.amazonaws.com/"
				+ this.stack.desired().stage() + "/"));
	}

	/** The authorizer resource the auth settings ask for; returns the methods' authorization type. */
	private String authorizer(HttpAuthSettings auth) {
		switch (auth.getType()) {
			case AWS_IAM -> {
				return "AWS_IAM";
			}
			case COGNITO -> {
				this.stack.resource("RestApiAuthorizer", "AWS::ApiGateway::Authorizer", map("RestApiId", ref("RestApi"),
						"Name", this.stack.functionName() + "-cognito", "Type", "COGNITO_USER_POOLS", "IdentitySource",
						"method.request.header.Authorization", "ProviderARNs",
						List.of(require(auth.getCognito().getUserPoolArn(), "serverless.http.auth.cognito.user-pool-arn"))));
				return "COGNITO_USER_POOLS";
			}
			case LAMBDA -> {
				boolean token = auth.getLambda().getType() == HttpAuthSettings.AuthorizerType.TOKEN;
				String source = HttpSecuritySpec.Auth.restIdentitySource(auth.getLambda().getIdentitySource());
				this.stack.resource("RestApiAuthorizer", "AWS::ApiGateway::Authorizer", map("RestApiId", ref("RestApi"),
						"Name", this.stack.functionName() + "-authorizer", "Type", token ? "TOKEN" : "REQUEST",
						"IdentitySource", source, "AuthorizerUri", this.shared.authorizerUri(auth),
						"AuthorizerResultTtlInSeconds", (int) auth.getLambda().getResultTtl().toSeconds()));
				this.shared.authorizerPermission(auth, StackArns.executeApi("RestApi", "/authorizers/*"));
				return "CUSTOM";
			}
			case JWT -> throw new IllegalArgumentException("serverless.http.auth.type=jwt needs an HTTP API "
					+ "(serverless.http.type: http-api); a REST API takes cognito or lambda");
			default -> {
				return "NONE";
			}
		}
	}

	/** ANY on the root and on {proxy+}, integrated with the live alias; returns their logical ids. */
	private List<String> proxyMethods(String authorizationType, boolean apiKeyRequired) {
		Object uri = StackArns.invocationUri(this.stack.aliasInSub());
		List<String> methods = new ArrayList<>();
		for (String[] method : new String[][] { { "RestApiRootMethod", null }, { "RestApiProxyMethod", "RestApiProxyResource" } }) {
			Map<String, Object> properties = map("RestApiId", ref("RestApi"), "ResourceId",
					method[1] == null ? getAtt("RestApi", "RootResourceId") : ref(method[1]), "HttpMethod", "ANY",
					"AuthorizationType", authorizationType);
			if (!"NONE".equals(authorizationType) && !"AWS_IAM".equals(authorizationType)) {
				properties.put("AuthorizerId", ref("RestApiAuthorizer"));
			}
			if (apiKeyRequired) {
				properties.put("ApiKeyRequired", true);
			}
			properties.put("Integration", map("Type", "AWS_PROXY", "IntegrationHttpMethod", "POST", "Uri", uri));
			this.stack.resource(method[0], "AWS::ApiGateway::Method", properties);
			methods.add(method[0]);
		}
		return methods;
	}

	private void corsOptions(HttpCorsSettings cors, List<String> methods) {
		String origin = String.join(",", cors.getAllowedOrigins());
		Map<String, Object> headers = map("method.response.header.Access-Control-Allow-Origin", "'" + origin + "'",
				"method.response.header.Access-Control-Allow-Methods", "'" + String.join(",", cors.getAllowedMethods()) + "'",
				"method.response.header.Access-Control-Allow-Headers", "'" + String.join(",", cors.getAllowedHeaders()) + "'",
				"method.response.header.Access-Control-Max-Age", "'" + cors.getMaxAge().toSeconds() + "'");
		if (cors.isAllowCredentials()) {
			headers.put("method.response.header.Access-Control-Allow-Credentials", "'true'");
		}
		Map<String, Object> declared = new LinkedHashMap<>();
		headers.keySet().forEach(header -> declared.put(header, true));
		for (String[] method : new String[][] { { "RestApiRootOptions", null }, { "RestApiProxyOptions", "RestApiProxyResource" } }) {
			this.stack.resource(method[0], "AWS::ApiGateway::Method", map("RestApiId", ref("RestApi"), "ResourceId",
					method[1] == null ? getAtt("RestApi", "RootResourceId") : ref(method[1]), "HttpMethod", "OPTIONS",
					"AuthorizationType", "NONE", "Integration", map("Type", "MOCK", "RequestTemplates",
							map("application/json", "{\"statusCode\": 204}"), "IntegrationResponses",
							List.of(map("StatusCode", "204", "ResponseParameters", headers))),
					"MethodResponses", List.of(map("StatusCode", "204", "ResponseParameters", declared))));
			methods.add(method[0]);
		}
		// CORS headers on API Gateway's own 4XX/5XX answers too, as deploy sets them.
		var wanted = this.stack.desired().http().security().cors();
		Map<String, Object> gatewayHeaders = new LinkedHashMap<>();
		wanted.restGatewayResponseHeaders().forEach((name, value) -> gatewayHeaders.put("gatewayresponse.header." + name,
				"'" + value + "'"));
		for (String type : HttpSecuritySpec.CORS_GATEWAY_RESPONSES) {
			String id = "RestApiGatewayResponse" + type.replace("_", "");
			this.stack.resource(id, "AWS::ApiGateway::GatewayResponse",
					map("RestApiId", ref("RestApi"), "ResponseType", type, "ResponseParameters", gatewayHeaders));
			methods.add(id); // deployed with the methods
		}
	}

	private void apiKeys(HttpRestApiSettings.ApiKeys keys) {
		Map<String, Object> plan = map("UsagePlanName", this.stack.functionName(), "ApiStages",
				List.of(map("ApiId", ref("RestApi"), "Stage", ref("RestApiStage"))));
		if (keys.getQuotaLimit() > 0) {
			plan.put("Quota", map("Limit", keys.getQuotaLimit(), "Period", keys.getQuotaPeriod().name()));
		}
		if (keys.getRateLimit() > 0 || keys.getBurstLimit() > 0) {
			plan.put("Throttle", map("RateLimit", keys.getRateLimit(), "BurstLimit", keys.getBurstLimit()));
		}
		this.stack.resource("UsagePlan", "AWS::ApiGateway::UsagePlan", plan);
		int index = 0;
		for (String name : keys.getNames()) {
			String keyId = "ApiKey" + index++;
			this.stack.resource(keyId, "AWS::ApiGateway::ApiKey", map("Name", name, "Enabled", true))
				.put("DependsOn", List.of("RestApiStage"));
			this.stack.resource(keyId + "UsagePlanKey", "AWS::ApiGateway::UsagePlanKey", map("KeyId", ref(keyId),
					"KeyType", "API_KEY", "UsagePlanId", ref("UsagePlan")));
		}
	}

}
