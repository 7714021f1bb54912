package io.serverlessspring.local.apigateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.RawHttp;
import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An HTTP API in front of a function: curl-able URLs that send the payload 2.0 event. */
class HttpApiTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final ApiGatewayV2Client apigateway = SharedCloud.client(ApiGatewayV2Client.builder());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static String apiId;

	private static String apiEndpoint;

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), "http-echo", 10);
		lambda.addPermission((p) -> p.functionName("http-echo").statementId("apigateway").action("lambda:InvokeFunction")
			.principal("apigateway.amazonaws.com"));
		String functionArn = lambda.getFunction((g) -> g.functionName("http-echo")).configuration().functionArn();
		var api = apigateway.createApi((c) -> c.name("pets").protocolType(ProtocolType.HTTP));
		apiId = api.apiId();
		apiEndpoint = api.apiEndpoint();
		String integrationId = apigateway.createIntegration((i) -> i.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
			.integrationUri(functionArn).payloadFormatVersion("2.0")).integrationId();
		apigateway.createRoute((r) -> r.apiId(apiId).routeKey("GET /pets/{id}").target("integrations/" + integrationId));
		apigateway.createRoute((r) -> r.apiId(apiId).routeKey("ANY /{proxy+}").target("integrations/" + integrationId));
		apigateway.createStage((s) -> s.apiId(apiId).stageName("$default").autoDeploy(true));
		apigateway.createStage((s) -> s.apiId(apiId).stageName("dev").autoDeploy(true).stageVariables(Map.of("color", "blue")));
	}

	@AfterAll
	static void delete() {
		apigateway.deleteApi((d) -> d.apiId(apiId));
		lambda.deleteFunction((d) -> d.functionName("http-echo"));
	}

	@Test
	void routesToTheMostSpecificRouteOfANamedStageWithThePayload2Event() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiEndpoint + "/dev/pets/42?x=1&x=2&y=z"))
			.header("Cookie", "a=1; b=2").header("X-Custom", "yes").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
		assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc");
		JsonNode event = json.readTree(response.body());
		assertThat(event.path("routeKey").asString()).isEqualTo("GET /pets/{id}");
		assertThat(event.path("rawPath").asString()).as("HTTP APIs keep the stage in rawPath").isEqualTo("/dev/pets/42");
		assertThat(event.path("rawQueryString").asString()).isEqualTo("x=1&x=2&y=z");
		assertThat(event.path("queryStringParameters").path("x").asString()).isEqualTo("1,2");
		assertThat(event.path("pathParameters").path("id").asString()).isEqualTo("42");
		assertThat(event.path("cookies")).extracting(JsonNode::asString).containsExactly("a=1", "b=2");
		assertThat(event.path("headers").path("x-custom").asString()).isEqualTo("yes");
		assertThat(event.path("stageVariables").path("color").asString()).isEqualTo("blue");
		assertThat(event.path("requestContext").path("stage").asString()).isEqualTo("dev");
		assertThat(event.path("requestContext").path("apiId").asString()).isEqualTo(apiId);
		assertThat(event.path("requestContext").path("http").path("method").asString()).isEqualTo("GET");
	}

	@Test
	void servesTheDefaultStageAtTheRootWithGreedyPathsAndBodies() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiEndpoint + "/orders/7/items"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"qty\":2}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode event = json.readTree(response.body());
		assertThat(event.path("routeKey").asString()).isEqualTo("ANY /{proxy+}");
		assertThat(event.path("rawPath").asString()).isEqualTo("/orders/7/items");
		assertThat(event.path("pathParameters").path("proxy").asString()).isEqualTo("orders/7/items");
		assertThat(event.path("body").asString()).isEqualTo("{\"qty\":2}");
		assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
		assertThat(event.path("requestContext").path("stage").asString()).isEqualTo("$default");
	}

	@Test
	void sendsAnEventShapedExactlyLikeAwsDocumentsIt() throws Exception {
		JsonNode documented = json.readTree(getClass().getResourceAsStream("/events/http-api-v2/request.json"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiEndpoint + "/dev/pets/1?p=1"))
			.header("Cookie", "c=1").method("GET", HttpRequest.BodyPublishers.ofString("body")).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode event = json.readTree(response.body());
		assertThat(paths(event, "")).isEqualTo(paths(documented, ""));
	}

	@Test
	void answersUnknownApisAndRoutesWithApiGatewaysNotFound() throws Exception {
		HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
				URI.create(SharedCloud.endpoint() + "/_aws/execute-api/nosuchapi/x")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).isEqualTo("{\"message\":\"Not Found\"}");
		assertThatThrownBy(() -> apigateway.getApi((g) -> g.apiId("nosuchapi"))).isInstanceOf(NotFoundException.class);
	}

	@Test
	void servesCustomDomainNamesThroughTheirApiMappings() throws Exception {
		apigateway.createDomainName((d) -> d.domainName("api.example.test")
			.domainNameConfigurations((c) -> c.certificateArn("arn:aws:acm:us-east-1:000000000000:certificate/x")));
		apigateway.createApiMapping((m) -> m.domainName("api.example.test").apiId(apiId).stage("dev").apiMappingKey("v1"));
		String response = rawGet("/v1/pets/9", "api.example.test");
		assertThat(response).startsWith("HTTP/1.1 201");
		assertThat(response).contains("\"routeKey\":\"GET /pets/{id}\"").contains("\"rawPath\":\"/v1/pets/9\"").contains("\"stage\":\"dev\"");
		apigateway.deleteDomainName((d) -> d.domainName("api.example.test"));
	}

	@Test
	void servesFunctionUrls() throws Exception {
		String url = lambda.createFunctionUrlConfig((u) -> u.functionName("http-echo").authType(FunctionUrlAuthType.NONE))
			.functionUrl();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "hello?a=b")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode event = json.readTree(response.body());
		assertThat(event.path("rawPath").asString()).isEqualTo("/hello");
		assertThat(event.path("routeKey").asString()).isEqualTo("$default");
		assertThat(event.path("requestContext").path("domainName").asString()).endsWith(".lambda-url.us-east-1.on.aws");
		lambda.updateFunctionUrlConfig((u) -> u.functionName("http-echo")
			.cors((c) -> c.allowOrigins("https://app.example.test").allowMethods("GET", "POST").maxAge(600)));
		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(url + "hello"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.test")
			.header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.test");
		assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
		HttpResponse<String> crossOrigin = http.send(HttpRequest.newBuilder(URI.create(url + "hello"))
			.header("Origin", "https://app.example.test").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(crossOrigin.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example.test");
		lambda.deleteFunctionUrlConfig((u) -> u.functionName("http-echo"));
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(404);
	}

	/** Java's HTTP clients refuse to set Host; a custom domain is reached as curl -H 'Host: …' would. */
	private static String rawGet(String path, String host) throws IOException {
		return RawHttp.get(SharedCloud.cloud().port(), path, host);
	}

	/** Every member path of a JSON document (array items as {@code []}), to compare shapes. */
	static Set<String> paths(JsonNode node, String prefix) {
		Set<String> paths = new TreeSet<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String path = prefix + "/" + (prefix.endsWith("headers") || prefix.endsWith("Parameters")
						|| prefix.endsWith("Variables") ? "*" : field.getKey());
				paths.add(path);
				paths.addAll(paths(field.getValue(), path));
			}
		}
		else if (node.isArray() && !node.isEmpty()) {
			paths.addAll(paths(node.get(0), prefix + "[]"));
		}
		return paths;
	}

}
