package io.serverlessspring.local.apigateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.server.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local cloud's front doors enforce what deploy configures, as API Gateway does: Lambda authorizers
 * (REST TOKEN and REQUEST, HTTP API REQUEST 1.0 and 2.0), JWT and Cognito authorizers (claims, no
 * signature) and REST methods that require an API key. Each is called over real HTTP: what a client sees
 * when refused, and the authorizer's context in the event of the function an allowed request reaches.
 */
class AuthorizerEnforcementTest {

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final ApiGatewayClient rest = SharedCloud.client(ApiGatewayClient.builder());

	private static final ApiGatewayV2Client v2 = SharedCloud.client(ApiGatewayV2Client.builder());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1";

	private static String echoArn;

	private static String gateArn;

	@BeforeAll
	static void deployFunctions() {
		echoArn = deploy("guarded-echo", RestApiProxyHandler.class);
		gateArn = deploy("gatekeeper", TokenAuthorizerHandler.class);
	}

	@AfterAll
	static void deleteFunctions() {
		lambda.deleteFunction((b) -> b.functionName("guarded-echo"));
		lambda.deleteFunction((b) -> b.functionName("gatekeeper"));
	}

	@Test
	void restLambdaAuthorizersRefuseOrPassTheContextOn() throws Exception {
		String id = rest.createRestApi((b) -> b.name("token-guarded")).id();
		String root = rest.getRestApi((b) -> b.restApiId(id)).rootResourceId();
		String token = rest.createAuthorizer((b) -> b.restApiId(id).name("token").type("TOKEN").authorizerUri(uri(gateArn))
			.identitySource("method.request.header.X-Token").authorizerResultTtlInSeconds(300)).id();
		String request = rest.createAuthorizer((b) -> b.restApiId(id).name("request").type("REQUEST").authorizerUri(uri(gateArn))
			.identitySource("method.request.header.X-Token, method.request.querystring.tenant").authorizerResultTtlInSeconds(0)).id();
		method(id, root, "GET", "CUSTOM", token, false);
		String pets = rest.createResource((b) -> b.restApiId(id).parentId(root).pathPart("pets")).id();
		method(id, pets, "GET", "CUSTOM", request, false);
		// deploy's CORS gateway response: an explicit deny carries its header and template
		rest.putGatewayResponse((b) -> b.restApiId(id).responseType("ACCESS_DENIED").statusCode("403")
			.responseParameters(Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'"))
			.responseTemplates(Map.of("application/json", "{\"error\":$context.error.messageString}")));
		rest.createDeployment((b) -> b.restApiId(id).stageName("dev").variables(Map.of("color", "blue")));
		String base = SharedCloud.endpoint() + "/restapis/" + id + "/dev/_user_request_";

		HttpResponse<String> missing = get(base + "/", Map.of());
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
		HttpResponse<String> unknown = get(base + "/", Map.of("X-Token", "forged"));
		assertThat(unknown.statusCode()).as("the authorizer answered the error Unauthorized").isEqualTo(401);
		HttpResponse<String> denied = get(base + "/", Map.of("X-Token", "deny"));
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).isEqualTo("{\"error\":\"User is not authorized to access this resource with an explicit deny\"}");
		assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");

		HttpResponse<String> allowed = get(base + "/", Map.of("X-Token", "allow"));
		assertThat(allowed.statusCode()).isEqualTo(200);
		JsonNode authorizer = Json.parse(allowed.body()).path("requestContext").path("authorizer");
		assertThat(authorizer.path("principalId").asString()).isEqualTo("alice");
		assertThat(authorizer.path("user").asString()).isEqualTo("alice");
		assertThat(authorizer.path("level").asString()).as("REST hands the context on as strings").isEqualTo("3");
		JsonNode tokenEvent = Json.parse(authorizer.path("event").asString());
		assertThat(paths(tokenEvent)).isEqualTo(paths(fixture("apigateway-authorizer/token.json")));
		assertThat(tokenEvent.path("authorizationToken").asString()).isEqualTo("allow");
		assertThat(tokenEvent.path("methodArn").asString()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + id + "/dev/GET/");
		HttpResponse<String> again = get(base + "/", Map.of("X-Token", "allow"));
		assertThat(Json.parse(again.body()).path("requestContext").path("authorizer").path("calls").asString())
			.as("within the result TTL the same token gets the cached answer: the authorizer is not called again")
			.isEqualTo(authorizer.path("calls").asString());

		assertThat(get(base + "/pets", Map.of("X-Token", "allow")).statusCode()).as("no tenant query parameter").isEqualTo(401);
		HttpResponse<String> requestAllowed = get(base + "/pets?tenant=blue", Map.of("X-Token", "allow"));
		assertThat(requestAllowed.statusCode()).isEqualTo(200);
		JsonNode requestEvent = Json.parse(Json.parse(requestAllowed.body()).path("requestContext").path("authorizer").path("event").asString());
		assertThat(paths(requestEvent)).containsAll(paths(fixture("apigateway-authorizer/request.json")));
		assertThat(requestEvent.path("type").asString()).isEqualTo("REQUEST");
		assertThat(requestEvent.path("queryStringParameters").path("tenant").asString()).isEqualTo("blue");
		assertThat(requestEvent.has("body")).isFalse();
		rest.deleteRestApi((b) -> b.restApiId(id));
	}

	@Test
	void restCognitoAuthorizerAndApiKeys() throws Exception {
		String id = rest.createRestApi((b) -> b.name("cognito-guarded")).id();
		String root = rest.getRestApi((b) -> b.restApiId(id)).rootResourceId();
		String cognito = rest.createAuthorizer((b) -> b.restApiId(id).name("cognito").type("COGNITO_USER_POOLS")
			.providerARNs("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool1")
			.identitySource("method.request.header.Authorization")).id();
		method(id, root, "GET", "COGNITO_USER_POOLS", cognito, false);
		String keyed = rest.createResource((b) -> b.restApiId(id).parentId(root).pathPart("keyed")).id();
		method(id, keyed, "GET", "NONE", null, true);
		rest.createDeployment((b) -> b.restApiId(id).stageName("dev"));
		String base = SharedCloud.endpoint() + "/restapis/" + id + "/dev/_user_request_";
		long later = Instant.now().getEpochSecond() + 3600;

		assertThat(get(base + "/", Map.of()).statusCode()).isEqualTo(401);
		assertThat(get(base + "/", Map.of("Authorization", "not-a-jwt")).body()).isEqualTo("{\"message\":\"Unauthorized\"}");
		assertThat(get(base + "/", Map.of("Authorization", jwt("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other", null, later)))
			.statusCode()).as("another pool's token").isEqualTo(401);
		assertThat(get(base + "/", Map.of("Authorization", jwt(ISSUER, null, Instant.now().getEpochSecond() - 60))).statusCode())
			.as("expired").isEqualTo(401);
		HttpResponse<String> allowed = get(base + "/", Map.of("Authorization", jwt(ISSUER, null, later)));
		assertThat(allowed.statusCode()).isEqualTo(200);
		JsonNode claims = Json.parse(allowed.body()).path("requestContext").path("authorizer").path("claims");
		assertThat(claims.path("sub").asString()).isEqualTo("user-1");
		assertThat(claims.path("cognito:username").asString()).isEqualTo("alice");

		HttpResponse<String> noKey = get(base + "/keyed", Map.of());
		assertThat(noKey.statusCode()).isEqualTo(403);
		assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");
		var key = rest.createApiKey((b) -> b.name("partner").enabled(true));
		var disabled = rest.createApiKey((b) -> b.name("sleeper").enabled(false));
		var plan = rest.createUsagePlan((b) -> b.name("partners").apiStages((s) -> s.apiId(id).stage("dev")));
		assertThat(get(base + "/keyed", Map.of("x-api-key", key.value())).statusCode()).as("not in a usage plan yet").isEqualTo(403);
		rest.createUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
		rest.createUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(disabled.id()).keyType("API_KEY"));
		assertThat(get(base + "/keyed", Map.of("x-api-key", disabled.value())).statusCode()).as("disabled").isEqualTo(403);
		assertThat(get(base + "/keyed", Map.of("x-api-key", key.value() + "x")).statusCode()).isEqualTo(403);
		HttpResponse<String> withKey = get(base + "/keyed", Map.of("x-api-key", key.value()));
		assertThat(withKey.statusCode()).isEqualTo(200);
		assertThat(Json.parse(withKey.body()).path("requestContext").path("identity").path("apiKeyId").asString()).isEqualTo(key.id());

		rest.deleteUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(key.id()));
		rest.deleteUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(disabled.id()));
		rest.deleteUsagePlan((b) -> b.usagePlanId(plan.id()));
		rest.deleteApiKey((b) -> b.apiKey(key.id()));
		rest.deleteApiKey((b) -> b.apiKey(disabled.id()));
		rest.deleteRestApi((b) -> b.restApiId(id));
	}

	@Test
	void httpApiJwtAndLambdaAuthorizers() throws Exception {
		var api = v2.createApi((b) -> b.name("http-guarded").protocolType(ProtocolType.HTTP));
		String id = api.apiId();
		String integration = v2.createIntegration((b) -> b.apiId(id).integrationType("AWS_PROXY").integrationUri(echoArn)
			.payloadFormatVersion("2.0")).integrationId();
		String jwt = v2.createAuthorizer((b) -> b.apiId(id).name("jwt").authorizerType(AuthorizerType.JWT)
			.identitySource("$request.header.Authorization").jwtConfiguration((j) -> j.issuer(ISSUER).audience("client-a"))).authorizerId();
		String simple = v2.createAuthorizer((b) -> b.apiId(id).name("simple").authorizerType(AuthorizerType.REQUEST)
			.authorizerUri(uri(gateArn)).authorizerPayloadFormatVersion("2.0").enableSimpleResponses(true)
			.identitySource("$request.header.X-Token")).authorizerId();
		String policy = v2.createAuthorizer((b) -> b.apiId(id).name("policy").authorizerType(AuthorizerType.REQUEST)
			.authorizerUri(uri(gateArn)).authorizerPayloadFormatVersion("1.0").identitySource("$request.header.X-Token"))
			.authorizerId();
		v2.createRoute((b) -> b.apiId(id).routeKey("GET /jwt").target("integrations/" + integration).authorizationType("JWT")
			.authorizerId(jwt).authorizationScopes("pets/read"));
		v2.createRoute((b) -> b.apiId(id).routeKey("GET /simple/{id}").target("integrations/" + integration)
			.authorizationType("CUSTOM").authorizerId(simple));
		v2.createRoute((b) -> b.apiId(id).routeKey("GET /policy").target("integrations/" + integration)
			.authorizationType("CUSTOM").authorizerId(policy));
		v2.createStage((b) -> b.apiId(id).stageName("dev").autoDeploy(true).stageVariables(Map.of("color", "blue")));
		String base = api.apiEndpoint() + "/dev";
		long later = Instant.now().getEpochSecond() + 3600;

		HttpResponse<String> missing = get(base + "/jwt", Map.of());
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
		assertThat(get(base + "/jwt", Map.of("Authorization", "Bearer " + jwt(ISSUER, "client-b", later))).statusCode())
			.as("another app client").isEqualTo(401);
		HttpResponse<String> noScope = get(base + "/jwt", Map.of("Authorization", "Bearer " + jwt(ISSUER, "client-a", later)));
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.body()).isEqualTo("{\"message\":\"Forbidden\"}");
		String scoped = jwt(ISSUER, "client-a", later).replaceFirst("^([^.]+)\\.[^.]+", "$1." + base64(
				"{\"iss\":\"" + ISSUER + "\",\"client_id\":\"client-a\",\"scope\":\"pets/read pets/write\",\"sub\":\"user-1\",\"exp\":" + later + "}"));
		HttpResponse<String> jwtAllowed = get(base + "/jwt", Map.of("Authorization", "Bearer " + scoped));
		assertThat(jwtAllowed.statusCode()).isEqualTo(200);
		JsonNode jwtAuthorizer = Json.parse(jwtAllowed.body()).path("requestContext").path("authorizer").path("jwt");
		assertThat(jwtAuthorizer.path("claims").path("sub").asString()).isEqualTo("user-1");
		assertThat(jwtAuthorizer.path("scopes")).extracting(JsonNode::asString).containsExactly("pets/read", "pets/write");

		assertThat(get(base + "/simple/7", Map.of()).statusCode()).isEqualTo(401);
		HttpResponse<String> simpleDenied = get(base + "/simple/7", Map.of("X-Token", "deny"));
		assertThat(simpleDenied.statusCode()).isEqualTo(403);
		assertThat(simpleDenied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
		HttpResponse<String> simpleAllowed = get(base + "/simple/7?p=1", Map.of("X-Token", "allow", "Cookie", "c=1"));
		assertThat(simpleAllowed.statusCode()).isEqualTo(200);
		JsonNode context = Json.parse(simpleAllowed.body()).path("requestContext").path("authorizer").path("lambda");
		assertThat(context.path("user").asString()).isEqualTo("alice");
		assertThat(context.path("level").asInt()).as("HTTP APIs keep the context's JSON types").isEqualTo(3);
		JsonNode simpleEvent = Json.parse(context.path("event").asString());
		assertThat(paths(simpleEvent)).isEqualTo(paths(fixture("http-api-v2-authorizer/request.json")));
		assertThat(simpleEvent.path("identitySource")).extracting(JsonNode::asString).containsExactly("allow");
		assertThat(simpleEvent.path("routeArn").asString()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + id + "/dev/GET/simple/7");

		assertThat(get(base + "/policy", Map.of("X-Token", "deny")).statusCode()).isEqualTo(403);
		HttpResponse<String> policyAllowed = get(base + "/policy", Map.of("X-Token", "allow"));
		assertThat(policyAllowed.statusCode()).isEqualTo(200);
		JsonNode policyEvent = Json.parse(Json.parse(policyAllowed.body()).path("requestContext").path("authorizer").path("lambda")
			.path("event").asString());
		assertThat(policyEvent.path("version").asString()).isEqualTo("1.0");
		assertThat(policyEvent.path("identitySource").asString()).isEqualTo("allow");
		assertThat(policyEvent.path("authorizationToken").asString()).isEqualTo("allow");
		v2.deleteApi((b) -> b.apiId(id));
	}

	private static String deploy(String name, Class<?> handler) {
		lambda.createFunction((c) -> c.functionName(name).runtime(Runtime.JAVA17).handler(handler.getName())
			.role(TestFunctions.role(SharedCloud.client(IamClient.builder()))).timeout(10).memorySize(256)
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.zipOf(handler)))));
		lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName(name));
		lambda.addPermission((b) -> b.functionName(name).statementId("apigateway").action("lambda:InvokeFunction")
			.principal("apigateway.amazonaws.com"));
		return lambda.getFunction((g) -> g.functionName(name)).configuration().functionArn();
	}

	private static String uri(String functionArn) {
		return "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
	}

	private static void method(String apiId, String resourceId, String httpMethod, String authorization, String authorizerId,
			boolean apiKeyRequired) {
		rest.putMethod((b) -> b.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod).authorizationType(authorization)
			.authorizerId(authorizerId).apiKeyRequired(apiKeyRequired));
		rest.putIntegration((b) -> b.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod)
			.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri(echoArn)));
	}

	/** An unsigned token as a Cognito user pool would issue it (the local cloud does not check signatures). */
	private static String jwt(String issuer, String clientId, long expires) {
		String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"user-1\",\"cognito:username\":\"alice\",\"token_use\":\""
				+ (clientId != null ? "access\",\"client_id\":\"" + clientId : "id") + "\",\"exp\":" + expires + "}";
		return base64("{\"alg\":\"RS256\",\"kid\":\"local\"}") + "." + base64(claims) + ".c2lnbmF0dXJl";
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode fixture(String name) throws Exception {
		try (var in = AuthorizerEnforcementTest.class.getResourceAsStream("/events/" + name)) {
			return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** The member paths of an event, as {@link HttpApiTest} compares them. */
	private static Set<String> paths(JsonNode node) {
		return HttpApiTest.paths(node, "");
	}


}
