package io.serverlessspring.shell.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverlessspring.boot.settings.HttpAuthSettings;
import io.serverlessspring.boot.settings.HttpCorsSettings;
import io.serverlessspring.boot.settings.HttpSettings;

import static io.serverlessspring.shell.template.Cfn.getAtt;
import static io.serverlessspring.shell.template.Cfn.join;
import static io.serverlessspring.shell.template.Cfn.map;
import static io.serverlessspring.shell.template.Cfn.ref;
import static io.serverlessspring.shell.template.TemplateDocument.require;

/**
 * The HTTP front: an HTTP API (CORS, JWT/Cognito/Lambda/IAM authorization, throttling, access
 * log) or a function URL, and what both API kinds share: Lambda authorizers and access logs.
 * The REST API is {@link RestApiResources}, the load balancer {@link AlbResources}.
 */
final class HttpResources {

	private final TemplateDocument stack;

	private final HttpSettings http;

	HttpResources(TemplateDocument stack) {
		this.stack = stack;
		this.http = stack.settings().getHttp();
	}

	static void add(TemplateDocument stack) {
		HttpResources resources = new HttpResources(stack);
		switch (stack.desired().http().type()) {
			case HTTP_API -> resources.httpApi();
			case REST_API -> new RestApiResources(stack, resources).add();
			case FUNCTION_URL -> resources.functionUrl();
			case ALB -> AlbResources.add(stack, stack.desired().http().alb());
			case NONE -> {
			}
		}
	}

	private void httpApi() {
		Map<String, Object> api = map("Name", this.stack.desired().http().name(), "ProtocolType", "HTTP", "Description",
				"Managed by serverless-spring for " + this.stack.functionName());
		HttpCorsSettings cors = this.http.getCors();
		if (cors.isEnabled()) {
			Map<String, Object> corsConfiguration = map("AllowOrigins", cors.getAllowedOrigins(), "AllowMethods",
					cors.getAllowedMethods(), "AllowHeaders", cors.getAllowedHeaders(), "AllowCredentials",
					cors.isAllowCredentials(), "MaxAge", (int) cors.getMaxAge().toSeconds());
			if (!cors.getExposedHeaders().isEmpty()) {
				corsConfiguration.put("ExposeHeaders", cors.getExposedHeaders());
			}
			api.put("CorsConfiguration", corsConfiguration);
		}
		api.put("Tags", new LinkedHashMap<>(this.stack.desired().tags()));
		this.stack.resource("HttpApi", "AWS::ApiGatewayV2::Api", api);
		this.stack.resource("HttpApiIntegration", "AWS::ApiGatewayV2::Integration", map("ApiId", ref("HttpApi"),
				"IntegrationType", "AWS_PROXY", "IntegrationUri", this.stack.alias(), "IntegrationMethod", "POST",
				"PayloadFormatVersion", "2.0"));
		Map<String, Object> route = map("ApiId", ref("HttpApi"), "RouteKey", "$default", "Target",
				join("/", List.of("integrations", ref("HttpApiIntegration"))));
		HttpAuthSettings auth = this.http.getAuth();
		switch (auth.getType()) {
			case AWS_IAM -> route.put("AuthorizationType", "AWS_IAM");
			case JWT, COGNITO -> {
				jwtAuthorizer(auth);
				route.put("AuthorizationType", "JWT");
				route.put("AuthorizerId", ref("HttpApiAuthorizer"));
				if (!auth.getJwt().getScopes().isEmpty()) {
					route.put("AuthorizationScopes", auth.getJwt().getScopes());
				}
			}
			case LAMBDA -> {
				Map<String, Object> authorizer = map("ApiId", ref("HttpApi"), "Name",
						this.stack.functionName() + "-authorizer", "AuthorizerType", "REQUEST", "AuthorizerUri",
						authorizerUri(auth), "AuthorizerPayloadFormatVersion", "2.0", "EnableSimpleResponses",
						auth.getLambda().isSimpleResponses(), "IdentitySource", List.of(auth.getLambda().getIdentitySource()),
						"AuthorizerResultTtlInSeconds", (int) auth.getLambda().getResultTtl().toSeconds());
				this.stack.resource("HttpApiAuthorizer", "AWS::ApiGatewayV2::Authorizer", authorizer);
				route.put("AuthorizationType", "CUSTOM");
				route.put("AuthorizerId", ref("HttpApiAuthorizer"));
				authorizerPermission(auth, StackArns.executeApi("HttpApi", "/authorizers/*"));
			}
			case NONE -> {
			}
		}
		this.stack.resource("HttpApiRoute", "AWS::ApiGatewayV2::Route", route);
		Map<String, Object> stage = map("ApiId", ref("HttpApi"), "StageName", "$default", "AutoDeploy", true);
		if (this.http.getThrottling().isEnabled()) {
			stage.put("DefaultRouteSettings", map("ThrottlingRateLimit", this.http.getThrottling().getRateLimit(),
					"ThrottlingBurstLimit", this.http.getThrottling().getBurstLimit()));
		}
		accessLog(stage, "AccessLogSettings");
		stage.put("Tags", new LinkedHashMap<>(this.stack.desired().tags()));
		this.stack.resource("HttpApiStage", "AWS::ApiGatewayV2::Stage", stage);
		this.stack.permission("HttpApiPermission", "apigateway.amazonaws.com", StackArns.executeApi("HttpApi", "/*"));
		this.stack.output("Url", getAtt("HttpApi", "ApiEndpoint"));
	}

	private void jwtAuthorizer(HttpAuthSettings auth) {
		String issuer;
		List<String> audiences;
		if (auth.getType() == HttpAuthSettings.Type.COGNITO) {
			String pool = require(auth.getCognito().getUserPoolArn(), "serverless.http.auth.cognito.user-pool-arn");
			String[] parts = pool.split(":");
			String poolRegion = parts.length > 3 ? parts[3] : StageTemplate.REGION;
			issuer = "https://cognito-idp." + poolRegion + ".amazonaws.com/" + pool.substring(pool.lastIndexOf('/') + 1);
			audiences = auth.getCognito().getAppClientIds();
		}
		else {
			issuer = require(auth.getJwt().getIssuer(), "serverless.http.auth.jwt.issuer");
			audiences = auth.getJwt().getAudiences();
		}
		this.stack.resource("HttpApiAuthorizer", "AWS::ApiGatewayV2::Authorizer", map("ApiId", ref("HttpApi"), "Name",
				this.stack.functionName() + "-jwt", "AuthorizerType", "JWT", "IdentitySource",
				List.of(auth.getJwt().getIdentitySource()), "JwtConfiguration", map("Issuer", issuer, "Audience", audiences)));
	}

	/** The URI API Gateway invokes the Lambda authorizer at: a given function, or this app's live alias. */
	Object authorizerUri(HttpAuthSettings auth) {
		String function = (auth.getLambda().getFunctionArn() != null) ? auth.getLambda().getFunctionArn()
				: (auth.getLambda().getBean() != null) ? null
						: require(null, "serverless.http.auth.lambda.bean or serverless.http.auth.lambda.function-arn");
		// The authorizer is a bean of this app: API Gateway invokes the live alias itself.
		return StackArns.invocationUri((function != null) ? function : this.stack.aliasInSub());
	}

	void authorizerPermission(HttpAuthSettings auth, Object sourceArn) {
		if (auth.getLambda().getFunctionArn() != null) {
			this.stack.resource("AuthorizerPermission", "AWS::Lambda::Permission", map("FunctionName",
					auth.getLambda().getFunctionArn(), "Action", "lambda:InvokeFunction", "Principal",
					"apigateway.amazonaws.com", "SourceArn", sourceArn));
		}
		else {
			this.stack.permission("AuthorizerPermission", "apigateway.amazonaws.com", sourceArn);
		}
	}

	/** The API's access log group, and its setting ({@code key}) on the API stage, when access logs are on. */
	void accessLog(Map<String, Object> stage, String key) {
		var accessLog = this.http.getAccessLog();
		if (!accessLog.isEnabled()) {
			return;
		}
		String group = (accessLog.getLogGroup() != null) ? accessLog.getLogGroup()
				: "/aws/apigateway/" + this.stack.functionName();
		Map<String, Object> properties = map("LogGroupName", group);
		if (accessLog.getRetentionDays() > 0) {
			properties.put("RetentionInDays", accessLog.getRetentionDays());
		}
		this.stack.resource("ApiAccessLogGroup", "AWS::Logs::LogGroup", properties);
		stage.put(key, map("DestinationArn", getAtt("ApiAccessLogGroup", "Arn"), "Format", accessLog.getFormat()));
	}

	private void functionUrl() {
		String auth = this.stack.desired().http().functionUrlAuth();
		Map<String, Object> url = map("TargetFunctionArn", this.stack.alias(), "AuthType", auth);
		HttpCorsSettings cors = this.http.getCors();
		if (cors.isEnabled()) {
			url.put("Cors", map("AllowOrigins", cors.getAllowedOrigins(), "AllowMethods", cors.getAllowedMethods(),
					"AllowHeaders", cors.getAllowedHeaders(), "AllowCredentials", cors.isAllowCredentials(), "MaxAge",
					(int) cors.getMaxAge().toSeconds()));
		}
		this.stack.onAlias("FunctionUrl", "AWS::Lambda::Url", url);
		if ("NONE".equals(auth)) {
			this.stack.onAlias("FunctionUrlPermission", "AWS::Lambda::Permission", map("FunctionName",
					this.stack.alias(), "Action", "lambda:InvokeFunctionUrl", "Principal", "*", "FunctionUrlAuthType", "NONE"));
		}
		this.stack.output("Url", getAtt("FunctionUrl", "FunctionUrl"));
	}

}
