package io.serverlessspring.local.apigateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.server.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API Gateway v1 over HTTP with the SDK v2 client, built the way the console builds a REST API. */
class RestApiServiceTest {

	private final ApiGatewayClient apigateway = SharedCloud.client(ApiGatewayClient.builder());

	@Test
	void proxyApiServesAFunctionThroughItsStage() throws Exception {
		LambdaClient lambda = SharedCloud.client(LambdaClient.builder());
		lambda.createFunction((c) -> c.functionName("rest-proxy").runtime(Runtime.JAVA17).handler(RestApiProxyHandler.class.getName())
			.role(TestFunctions.role(SharedCloud.client(IamClient.builder()))).timeout(10).memorySize(256)
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.zipOf(RestApiProxyHandler.class)))));
		lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("rest-proxy"));
		String functionArn = lambda.getFunction((g) -> g.functionName("rest-proxy")).configuration().functionArn();

		String id = this.apigateway.createRestApi((b) -> b.name("pets").endpointConfiguration((e) -> e.types(EndpointType.REGIONAL))
			.tags(java.util.Map.of("stage", "dev"))).id();
		String root = this.apigateway.getResources((b) -> b.restApiId(id).limit(500)).items().stream()
			.filter((r) -> "/".equals(r.path())).findFirst().orElseThrow().id();
		String proxy = this.apigateway.createResource((b) -> b.restApiId(id).parentId(root).pathPart("{proxy+}")).id();
		String uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
		for (String resource : List.of(root, proxy)) {
			this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(resource).httpMethod("ANY").authorizationType("NONE"));
			this.apigateway.putIntegration((b) -> b.restApiId(id).resourceId(resource).httpMethod("ANY")
				.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(uri));
		}
		assertThatThrownBy(() -> this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(proxy).httpMethod("ANY")
			.authorizationType("NONE"))).isInstanceOfSatisfying(ConflictException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(409));
		assertThat(this.apigateway.getStages((b) -> b.restApiId(id)).item()).isEmpty();
		this.apigateway.createDeployment((b) -> b.restApiId(id).stageName("dev"));
		assertThat(this.apigateway.getStages((b) -> b.restApiId(id)).item()).singleElement()
			.satisfies((s) -> assertThat(s.stageName()).isEqualTo("dev"));
		assertThat(this.apigateway.getRestApis((b) -> b.limit(500)).items()).extracting(RestApi::id).contains(id);
		assertThat(this.apigateway.getResources((b) -> b.restApiId(id)).items()).extracting(Resource::path)
			.containsExactlyInAnyOrder("/", "/{proxy+}");

		HttpClient http = HttpClient.newHttpClient();
		String url = SharedCloud.endpoint() + "/restapis/" + id + "/dev/_user_request_/pets/7?color=red";
		HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(denied.statusCode()).as("no resource policy for API Gateway yet").isEqualTo(500);

		lambda.addPermission((b) -> b.functionName("rest-proxy").statementId("apigateway").action("lambda:InvokeFunction")
			.principal("apigateway.amazonaws.com").sourceArn("arn:aws:execute-api:us-east-1:000000000000:" + id + "/*"));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-proxy")).hasValue("v1");
		JsonNode event = Json.parse(response.body());
		assertThat(event.path("resource").asString()).isEqualTo("/{proxy+}");
		assertThat(event.path("path").asString()).isEqualTo("/pets/7");
		assertThat(event.path("httpMethod").asString()).isEqualTo("GET");
		assertThat(event.path("pathParameters").path("proxy").asString()).isEqualTo("pets/7");
		assertThat(event.path("queryStringParameters").path("color").asString()).isEqualTo("red");
		assertThat(event.path("requestContext").path("stage").asString()).isEqualTo("dev");

		HttpResponse<String> rootResponse = http.send(HttpRequest.newBuilder(URI.create(SharedCloud.endpoint() + "/restapis/" + id
				+ "/dev/_user_request_/")).POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(Json.parse(rootResponse.body()).path("resource").asString()).isEqualTo("/");
		assertThat(Json.parse(rootResponse.body()).path("body").asString()).isEqualTo("{}");

		this.apigateway.deleteRestApi((b) -> b.restApiId(id));
		assertThatThrownBy(() -> this.apigateway.getRestApi((b) -> b.restApiId(id)))
			.isInstanceOfSatisfying(NotFoundException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		lambda.deleteFunction((b) -> b.functionName("rest-proxy"));
	}

	/** What deploy makes for a guarded REST API: authorizers, gateway responses, an OPTIONS mock, the access log. */
	@Test
	void authorizersGatewayResponsesOptionsMockAndAccessLog() throws Exception {
		String pool = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool1";
		String id = this.apigateway.createRestApi((b) -> b.name("guarded")).id();
		String root = this.apigateway.getResources((b) -> b.restApiId(id)).items().get(0).id();
		assertThatThrownBy(() -> this.apigateway.createAuthorizer((b) -> b.restApiId(id).name("none").type("COGNITO_USER_POOLS")
			.identitySource("method.request.header.Authorization"))).isInstanceOf(BadRequestException.class)
			.hasMessageContaining("ProviderARNs");
		String authorizer = this.apigateway.createAuthorizer((b) -> b.restApiId(id).name("cognito").type("COGNITO_USER_POOLS")
			.identitySource("method.request.header.Authorization").providerARNs(pool)).id();
		this.apigateway.updateAuthorizer((b) -> b.restApiId(id).authorizerId(authorizer).patchOperations(
				(p) -> p.op(Op.REMOVE).path("/providerARNs/" + pool.replace("/", "~1")),
				(p) -> p.op(Op.ADD).path("/providerARNs").value(pool.replace("Pool1", "Pool2"))));
		assertThat(this.apigateway.getAuthorizer((b) -> b.restApiId(id).authorizerId(authorizer)).providerARNs())
			.containsExactly(pool.replace("Pool1", "Pool2"));

		this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("ANY").authorizationType("COGNITO_USER_POOLS")
			.authorizerId(authorizer));
		this.apigateway.putIntegration((b) -> b.restApiId(id).resourceId(root).httpMethod("ANY").type(IntegrationType.MOCK));
		assertThatThrownBy(() -> this.apigateway.deleteAuthorizer((b) -> b.restApiId(id).authorizerId(authorizer)))
			.as("in use by a method").isInstanceOf(ConflictException.class);

		this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("OPTIONS").authorizationType("NONE"));
		this.apigateway.putMethodResponse((b) -> b.restApiId(id).resourceId(root).httpMethod("OPTIONS").statusCode("204")
			.responseParameters(java.util.Map.of("method.response.header.Access-Control-Allow-Origin", true)));
		this.apigateway.putIntegration((b) -> b.restApiId(id).resourceId(root).httpMethod("OPTIONS").type(IntegrationType.MOCK)
			.requestTemplates(java.util.Map.of("application/json", "{\"statusCode\": 204}")));
		this.apigateway.putIntegrationResponse((b) -> b.restApiId(id).resourceId(root).httpMethod("OPTIONS").statusCode("204")
			.responseParameters(java.util.Map.of("method.response.header.Access-Control-Allow-Origin", "'https://app.example.com'")));
		this.apigateway.putGatewayResponse((b) -> b.restApiId(id).responseType("DEFAULT_4XX")
			.responseParameters(java.util.Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'")));
		this.apigateway.createDeployment((b) -> b.restApiId(id).stageName("dev"));

		HttpClient http = HttpClient.newHttpClient();
		String base = SharedCloud.endpoint() + "/restapis/" + id;
		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/_user_request_/"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(204);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
		HttpResponse<String> noStage = http.send(HttpRequest.newBuilder(URI.create(base + "/prod/_user_request_/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(noStage.statusCode()).isEqualTo(403);
		assertThat(noStage.headers().firstValue("Access-Control-Allow-Origin")).as("DEFAULT_4XX header").hasValue("https://app.example.com");
		this.apigateway.deleteGatewayResponse((b) -> b.restApiId(id).responseType("DEFAULT_4XX"));
		assertThatThrownBy(() -> this.apigateway.getGatewayResponse((b) -> b.restApiId(id).responseType("DEFAULT_4XX")))
			.isInstanceOf(NotFoundException.class);

		String log = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/apigateway/guarded";
		this.apigateway.updateStage((b) -> b.restApiId(id).stageName("dev").patchOperations(
				(p) -> p.op(Op.REPLACE).path("/accessLogSettings/destinationArn").value(log),
				(p) -> p.op(Op.REPLACE).path("/accessLogSettings/format").value("$context.requestId")));
		assertThat(this.apigateway.getStage((b) -> b.restApiId(id).stageName("dev")).accessLogSettings().destinationArn()).isEqualTo(log);
		this.apigateway.updateStage((b) -> b.restApiId(id).stageName("dev").patchOperations(
				(p) -> p.op(Op.REMOVE).path("/accessLogSettings")));
		assertThat(this.apigateway.getStage((b) -> b.restApiId(id).stageName("dev")).accessLogSettings()).isNull();
	}

	@Test
	void apiKeysAndUsagePlans() {
		String id = this.apigateway.createRestApi((b) -> b.name("keys-api")).id();
		String root = this.apigateway.getRestApi((b) -> b.restApiId(id)).rootResourceId();
		assertThatThrownBy(() -> this.apigateway.createDeployment((b) -> b.restApiId(id).stageName("prod")))
			.isInstanceOfSatisfying(BadRequestException.class, (ex) -> assertThat(ex.getMessage()).contains("doesn't contain any methods"));
		this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE").apiKeyRequired(true));
		this.apigateway.putIntegration((b) -> b.restApiId(id).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK));
		this.apigateway.createDeployment((b) -> b.restApiId(id).stageName("prod"));

		var key = this.apigateway.createApiKey((b) -> b.name("partner").enabled(true));
		assertThat(key.value()).hasSizeGreaterThanOrEqualTo(20);
		var plan = this.apigateway.createUsagePlan((b) -> b.name("basic").apiStages((s) -> s.apiId(id).stage("prod"))
			.throttle((t) -> t.burstLimit(10).rateLimit(5.0)).quota((q) -> q.limit(1000).period("MONTH")));
		this.apigateway.createUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
		assertThat(this.apigateway.getUsagePlanKeys((b) -> b.usagePlanId(plan.id())).items())
			.singleElement().satisfies((k) -> assertThat(k.value()).isEqualTo(key.value()));
		assertThat(this.apigateway.getApiKeys().items()).anySatisfy((k) -> {
			assertThat(k.id()).isEqualTo(key.id());
			assertThat(k.value()).as("values only when asked for").isNull();
		});
		assertThatThrownBy(() -> this.apigateway.createUsagePlan((b) -> b.name("bad").apiStages((s) -> s.apiId(id).stage("nope"))))
			.isInstanceOf(BadRequestException.class);

		this.apigateway.deleteUsagePlanKey((b) -> b.usagePlanId(plan.id()).keyId(key.id()));
		this.apigateway.deleteUsagePlan((b) -> b.usagePlanId(plan.id()));
		this.apigateway.deleteApiKey((b) -> b.apiKey(key.id()));
		assertThatThrownBy(() -> this.apigateway.getApiKey((b) -> b.apiKey(key.id()))).isInstanceOf(NotFoundException.class);
		this.apigateway.deleteRestApi((b) -> b.restApiId(id));
	}

	@Test
	void updatesByPatchOperations() {
		String id = this.apigateway.createRestApi((b) -> b.name("patched")).id();
		String root = this.apigateway.getRestApi((b) -> b.restApiId(id)).rootResourceId();
		this.apigateway.putMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("GET").authorizationType("NONE"));
		this.apigateway.putIntegration((b) -> b.restApiId(id).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK));
		this.apigateway.createDeployment((b) -> b.restApiId(id).stageName("dev"));

		this.apigateway.updateRestApi((b) -> b.restApiId(id).patchOperations((o) -> o.op("replace").path("/description").value("pets")));
		assertThat(this.apigateway.getRestApi((b) -> b.restApiId(id)).description()).isEqualTo("pets");
		var stage = this.apigateway.updateStage((b) -> b.restApiId(id).stageName("dev").patchOperations(
				(o) -> o.op("replace").path("/variables/alias").value("live"),
				(o) -> o.op("replace").path("/*/*/throttling/rateLimit").value("10"),
				(o) -> o.op("replace").path("/*/*/metrics/enabled").value("true")));
		assertThat(stage.variables()).containsEntry("alias", "live");
		assertThat(stage.methodSettings().get("*/*")).satisfies((settings) -> {
			assertThat(settings.throttlingRateLimit()).isEqualTo(10.0);
			assertThat(settings.metricsEnabled()).isTrue();
		});
		this.apigateway.updateMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("GET")
			.patchOperations((o) -> o.op("replace").path("/apiKeyRequired").value("true")));
		assertThat(this.apigateway.getMethod((b) -> b.restApiId(id).resourceId(root).httpMethod("GET")).apiKeyRequired()).isTrue();

		assertThatThrownBy(() -> this.apigateway.updateStage((b) -> b.restApiId(id).stageName("dev").patchOperations(
				(o) -> o.op("replace").path("/variables/other").value("x"),
				(o) -> o.op("replace").path("/deploymentId").value("nope"))))
			.isInstanceOf(BadRequestException.class);
		assertThat(this.apigateway.getStage((b) -> b.restApiId(id).stageName("dev")).variables())
			.as("a refused update changes nothing").doesNotContainKey("other");
		this.apigateway.deleteRestApi((b) -> b.restApiId(id));
	}

	/** The patches the console's deploy sends for serverless.http.security.rest (endpoint type, binary media types). */
	@Test
	void patchesListMembersAsApiGatewayDoes() {
		String id = this.apigateway.createRestApi((b) -> b.name("lists")).id();
		assertThat(this.apigateway.getRestApi((b) -> b.restApiId(id)).endpointConfiguration().types())
			.containsExactly(EndpointType.EDGE);

		this.apigateway.updateRestApi((b) -> b.restApiId(id).patchOperations(
				(o) -> o.op("replace").path("/endpointConfiguration/types/EDGE").value("REGIONAL"),
				(o) -> o.op("add").path("/binaryMediaTypes/image~1png"),
				(o) -> o.op("add").path("/binaryMediaTypes/application~1octet-stream")));
		var api = this.apigateway.getRestApi((b) -> b.restApiId(id));
		assertThat(api.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
		assertThat(api.binaryMediaTypes()).containsExactly("image/png", "application/octet-stream");

		this.apigateway.updateRestApi((b) -> b.restApiId(id).patchOperations(
				(o) -> o.op("add").path("/binaryMediaTypes/image~1png"),
				(o) -> o.op("remove").path("/binaryMediaTypes/application~1octet-stream")));
		assertThat(this.apigateway.getRestApi((b) -> b.restApiId(id)).binaryMediaTypes()).as("adding a member twice keeps one")
			.containsExactly("image/png");

		assertThatThrownBy(() -> this.apigateway.updateRestApi((b) -> b.restApiId(id).patchOperations(
				(o) -> o.op("add").path("/binaryMediaTypes/image~1gif"),
				(o) -> o.op("replace").path("/endpointConfiguration/types/EDGE").value("PRIVATE"))))
			.isInstanceOf(BadRequestException.class).hasMessageContaining("EDGE is not in endpointConfiguration/types");
		assertThatThrownBy(() -> this.apigateway.updateRestApi((b) -> b.restApiId(id).patchOperations(
				(o) -> o.op("replace").path("/endpointConfiguration/types/REGIONAL").value("CLOUD"))))
			.isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid endpoint type CLOUD");
		api = this.apigateway.getRestApi((b) -> b.restApiId(id));
		assertThat(api.binaryMediaTypes()).as("a refused update changes nothing").containsExactly("image/png");
		assertThat(api.endpointConfiguration().types()).containsExactly(EndpointType.REGIONAL);
		this.apigateway.deleteRestApi((b) -> b.restApiId(id));
	}

}
