package io.serverlessspring.shell.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.ServerlessConsoleApplication;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.cli.ConsoleRunner;
import io.serverlessspring.shell.support.ConsoleDriver;
import io.serverlessspring.shell.support.ConsoleDriver.Run;
import io.serverlessspring.shell.support.SamplePackage;
import io.serverlessspring.shell.support.StageInventory;
import io.serverlessspring.shell.support.TestProject;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A REST API stage gets from deploy what {@code template} writes: CORS (OPTIONS mocks answering a real
 * preflight, headers on gateway responses), a Cognito then a Lambda TOKEN authorizer on the methods,
 * the stage's access log, a private endpoint with VPC endpoint ids and a resource policy. Each is read
 * back from the local cloud, changed in one update, removed, and a re-plan is empty after each deploy.
 */
@SpringBootTest(classes = ServerlessConsoleApplication.class, properties = "spring.shell.interactive.enabled=false")
class RestApiParityDeployTest {

	private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf";

	private static final String POLICY = "'{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
			+ "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\",\"Condition\":{\"IpAddress\":"
			+ "{\"aws:SourceIp\":[\"%s\"]}}}]}'";

	private static final String PLAIN = """
			serverless:
			  deploy:
			    touch: false
			  http:
			    type: rest-api
			""";

	private static final String GUARDED = PLAIN + """
			    cors:
			      allowed-origins: [https://app.example.com]
			      allowed-methods: [GET, POST]
			      allowed-headers: [Content-Type, Authorization]
			      allow-credentials: true
			      max-age: 10m
			    auth:
			      type: cognito
			      cognito:
			        user-pool-arn: %s
			    access-log:
			      enabled: true
			    rest:
			      endpoint-type: private
			      vpc-endpoint-ids: [vpce-0a1, vpce-0b2]
			      resource-policy: %s
			""".formatted(POOL, POLICY.formatted("10.0.0.0/8"));

	private static final String CHANGED = PLAIN + """
			    cors:
			      allowed-origins: [https://shop.example.com]
			      allowed-methods: [GET]
			      allowed-headers: [X-Token]
			    auth:
			      type: lambda
			      lambda:
			        bean: gatekeeper
			        type: token
			        identity-source: $request.header.X-Token
			        result-ttl: 60s
			    access-log:
			      enabled: true
			      format: '$context.requestId $context.status'
			    rest:
			      endpoint-type: private
			      vpc-endpoint-ids: [vpce-0b2, vpce-0c3]
			      resource-policy: %s
			""".formatted(POLICY.formatted("192.168.0.0/16"));

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private ConsoleRunner runner;

	@TempDir
	Path projectDir;

	@Test
	void restApiGuardsAreDeployedChangedRemovedAndUndeployed() throws Exception {
		TestProject project = new TestProject(this.projectDir).settings("application-dev.yml", GUARDED);
		try (LocalCloud cloud = LocalCloud.start(0); AwsClients clients = clients(cloud.endpoint())) {
			ConsoleDriver console = new ConsoleDriver(this.runner);
			Path zip = SamplePackage.zip(console);
			String target = " --project " + this.projectDir + " --endpoint-url " + cloud.endpoint();
			String common = " --package " + zip + target;
			ApiGatewayClient apigateway = clients.apiGateway();

			Run deploy = deployedWithNothingLeftToPlan(console, common);
			assertThat(deploy.output()).contains("create REST authorizer petstore-dev-cognito", "create REST CORS",
					"update REST methods");
			String url = deploy.url();
			RestApi api = restApi(apigateway);
			assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("PRIVATE");
			assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactlyInAnyOrder("vpce-0a1", "vpce-0b2");
			assertThat(api.policy().replace("\\", "")).contains("10.0.0.0/8");
			Authorizer cognito = apigateway.getAuthorizers(b -> b.restApiId(api.id())).items().get(0);
			assertThat(cognito.name()).isEqualTo("petstore-dev-cognito");
			assertThat(cognito.typeAsString()).isEqualTo("COGNITO_USER_POOLS");
			assertThat(cognito.providerARNs()).containsExactly(POOL);
			assertThat(cognito.identitySource()).isEqualTo("method.request.header.Authorization");
			assertThat(anyMethods(apigateway, api.id())).hasSize(2).allSatisfy(method -> {
				assertThat(method.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
				assertThat(method.authorizerId()).isEqualTo(cognito.id());
			});
			var stage = apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev"));
			assertThat(stage.accessLogSettings().destinationArn()).endsWith(":log-group:/aws/apigateway/petstore-dev");
			assertThat(stage.accessLogSettings().format()).contains("$context.requestId");
			assertThat(clients.logs().describeLogGroups(b -> b.logGroupNamePrefix("/aws/apigateway/petstore-dev")).logGroups())
				.hasSize(1);
			assertThat(apigateway.getGatewayResponse(b -> b.restApiId(api.id()).responseType("DEFAULT_4XX")).responseParameters())
				.containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'");
			HttpResponse<String> preflight = preflight(url + "/pets");
			assertThat(preflight.statusCode()).isEqualTo(204);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,Authorization");
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
			assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
			// API Gateway's own error (a stage that does not exist) carries the DEFAULT_4XX headers.
			HttpResponse<String> refused = send("GET", url.replace("/dev/_user_request_", "/nostage/_user_request_") + "/pets");
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
			// The Cognito authorizer is enforced: no token, API Gateway's 401, with the DEFAULT_4XX headers.
			HttpResponse<String> unauthorized = send("GET", url + "/pets");
			assertThat(unauthorized.statusCode()).isEqualTo(401);
			assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
			assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");

			// One update changes each part in place: the API is not replaced.
			project.settings("application-dev.yml", CHANGED);
			Run update = deployedWithNothingLeftToPlan(console, common);
			assertThat(update.output()).contains("create REST authorizer petstore-dev-authorizer",
					"delete REST authorizer petstore-dev-cognito", "update REST CORS", "create permission serverless-authorizer")
				.doesNotContain("create REST API", "replace REST API", "delete REST API");
			assertThat(restApi(apigateway).id()).isEqualTo(api.id());
			RestApi changed = restApi(apigateway);
			assertThat(changed.endpointConfiguration().vpcEndpointIds()).containsExactlyInAnyOrder("vpce-0b2", "vpce-0c3");
			assertThat(changed.policy().replace("\\", "")).contains("192.168.0.0/16").doesNotContain("10.0.0.0/8");
			Authorizer token = apigateway.getAuthorizers(b -> b.restApiId(api.id())).items().get(0);
			assertThat(apigateway.getAuthorizers(b -> b.restApiId(api.id())).items()).hasSize(1);
			assertThat(token.name()).isEqualTo("petstore-dev-authorizer");
			assertThat(token.typeAsString()).isEqualTo("TOKEN");
			assertThat(token.identitySource()).isEqualTo("method.request.header.X-Token");
			assertThat(token.authorizerResultTtlInSeconds()).isEqualTo(60);
			assertThat(token.authorizerUri()).contains("function:petstore-dev:live/invocations");
			assertThat(anyMethods(apigateway, api.id())).allSatisfy(method -> {
				assertThat(method.authorizationType()).isEqualTo("CUSTOM");
				assertThat(method.authorizerId()).isEqualTo(token.id());
			});
			assertThat(clients.lambda().getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy())
				.contains("serverless-authorizer", api.id() + "/authorizers/*");
			assertThat(apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev")).accessLogSettings().format())
				.isEqualTo("$context.requestId $context.status");
			assertThat(send("GET", url + "/pets").statusCode()).as("no X-Token for the TOKEN authorizer").isEqualTo(401);
			HttpResponse<String> changedPreflight = preflight(url + "/pets");
			assertThat(changedPreflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example.com");
			assertThat(changedPreflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("X-Token");
			assertThat(changedPreflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

			// Settings removed: each part is taken off the API.
			project.settings("application-dev.yml", PLAIN);
			deployedWithNothingLeftToPlan(console, common);
			RestApi plain = restApi(apigateway);
			assertThat(plain.id()).isEqualTo(api.id());
			assertThat(plain.endpointConfiguration().typesAsStrings()).containsExactly("REGIONAL");
			assertThat(plain.endpointConfiguration().vpcEndpointIds()).isEmpty();
			assertThat(plain.policy()).isNullOrEmpty();
			assertThat(apigateway.getAuthorizers(b -> b.restApiId(api.id())).items()).isEmpty();
			assertThat(anyMethods(apigateway, api.id())).allSatisfy(method -> {
				assertThat(method.authorizationType()).isEqualTo("NONE");
				assertThat(method.authorizerId()).isNull();
			});
			assertThat(apigateway.getResources(b -> b.restApiId(api.id())).items())
				.noneMatch(resource -> resource.resourceMethods().containsKey("OPTIONS"));
			assertThatThrownBy(() -> apigateway.getGatewayResponse(b -> b.restApiId(api.id()).responseType("DEFAULT_4XX")))
				.isInstanceOf(NotFoundException.class);
			assertThat(apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev")).accessLogSettings()).satisfiesAnyOf(
					log -> assertThat(log).isNull(), log -> assertThat(log.destinationArn()).isNull());
			assertThat(clients.lambda().getPolicy(b -> b.functionName("petstore-dev").qualifier("live")).policy())
				.doesNotContain("serverless-authorizer");

			Run undeploy = console.run("undeploy dev --remove-logs --yes" + target);
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(StageInventory.of(clients, "petstore-dev")).isEmpty();
		}
	}

	/**
	 * The same CORS, access log and resource policy against moto (which has no UpdateMethod, so no
	 * authorizer there): deployed, changed, removed, each read back, and undeployed to nothing.
	 */
	@Test
	void restApiCorsAccessLogAndPolicyInMoto() {
		MotoServer.assumeInstalled();
		MotoServer moto = MotoServer.shared();
		moto.reset();
		// No binary media types: moto reads a value-less "add /binaryMediaTypes/image~1png" (AWS's form) as "".
		String plain = PLAIN + "    binary-types: []\n";
		String settings = plain + """
				    cors:
				      allowed-origins: [%s]
				      allowed-methods: [GET, POST]
				    access-log:
				      enabled: true
				      format: '%s'
				    rest:
				      resource-policy: %s
				""";
		TestProject project = new TestProject(this.projectDir).settings("application-dev.yml",
				settings.formatted("https://app.example.com", "$context.requestId", POLICY.formatted("10.0.0.0/8")));
		ConsoleDriver console = new ConsoleDriver(this.runner);
		Path zip = SamplePackage.zip(console);
		String target = " --project " + this.projectDir + " --endpoint-url " + moto.endpoint();
		String common = " --package " + zip + target;
		try (AwsClients clients = clients(moto.endpoint())) {
			ApiGatewayClient apigateway = clients.apiGateway();
			deployedWithNothingLeftToPlan(console, common);
			RestApi api = restApi(apigateway);
			assertThat(api.policy().replace("\\", "")).contains("10.0.0.0/8");
			assertThat(preflightHeaders(apigateway, api.id())).hasSize(2)
				.allSatisfy(headers -> assertThat(headers).containsEntry("method.response.header.Access-Control-Allow-Origin",
						"'https://app.example.com'"));
			assertThat(apigateway.getGatewayResponse(b -> b.restApiId(api.id()).responseType("DEFAULT_5XX")).responseParameters())
				.containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'");
			assertThat(apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev")).accessLogSettings().format())
				.isEqualTo("$context.requestId");

			project.settings("application-dev.yml",
					settings.formatted("https://shop.example.com", "$context.status", POLICY.formatted("192.168.0.0/16")));
			deployedWithNothingLeftToPlan(console, common);
			assertThat(restApi(apigateway).policy().replace("\\", "")).contains("192.168.0.0/16");
			assertThat(preflightHeaders(apigateway, api.id())).allSatisfy(headers -> assertThat(headers)
				.containsEntry("method.response.header.Access-Control-Allow-Origin", "'https://shop.example.com'"));
			assertThat(apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev")).accessLogSettings().format())
				.isEqualTo("$context.status");

			project.settings("application-dev.yml", plain);
			deployedWithNothingLeftToPlan(console, common);
			assertThat(restApi(apigateway).policy()).isNullOrEmpty();
			assertThat(apigateway.getResources(b -> b.restApiId(api.id())).items())
				.noneMatch(resource -> resource.resourceMethods() != null && resource.resourceMethods().containsKey("OPTIONS"));
			assertThatThrownBy(() -> apigateway.getGatewayResponse(b -> b.restApiId(api.id()).responseType("DEFAULT_4XX")))
				.isInstanceOf(NotFoundException.class);
			assertThat(apigateway.getStage(b -> b.restApiId(api.id()).stageName("dev")).accessLogSettings()).satisfiesAnyOf(
					log -> assertThat(log).isNull(), log -> assertThat(log.destinationArn()).isNull());

			Run undeploy = console.run("undeploy dev --remove-logs --yes" + target);
			assertThat(undeploy.exitCode()).as(undeploy.output()).isZero();
			assertThat(StageInventory.of(clients, "petstore-dev")).doesNotContainKeys("REST API", "function", "log group");
		}
	}

	/** The 204 integration response parameters of each OPTIONS method. */
	private static List<java.util.Map<String, String>> preflightHeaders(ApiGatewayClient apigateway, String id) {
		return apigateway.getResources(b -> b.restApiId(id)).items().stream()
			.filter(r -> r.resourceMethods() != null && r.resourceMethods().containsKey("OPTIONS"))
			.map(r -> apigateway.getMethod(b -> b.restApiId(id).resourceId(r.id()).httpMethod("OPTIONS"))
				.methodIntegration().integrationResponses().get("204").responseParameters())
			.toList();
	}

	/** Deploys, then checks that a re-plan finds everything as desired. */
	private Run deployedWithNothingLeftToPlan(ConsoleDriver console, String common) {
		Run deploy = console.run("deploy dev --yes" + common);
		assertThat(deploy.exitCode()).as(deploy.output()).isZero();
		Run again = console.run("deploy dev --dry-run" + common);
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).as("re-plan after\n" + deploy.output()).contains("nothing to change");
		return deploy;
	}

	private static RestApi restApi(ApiGatewayClient apigateway) {
		return apigateway.getRestApis(b -> { }).items().stream().filter(a -> a.name().equals("petstore-dev"))
			.findFirst().orElseThrow();
	}

	private static List<GetMethodResponse> anyMethods(ApiGatewayClient apigateway, String id) {
		return apigateway.getResources(b -> b.restApiId(id)).items().stream()
			.filter(r -> r.resourceMethods() != null && r.resourceMethods().containsKey("ANY"))
			.map(Resource::id)
			.map(resource -> apigateway.getMethod(b -> b.restApiId(id).resourceId(resource).httpMethod("ANY")))
			.toList();
	}

	private static AwsClients clients(URI endpoint) {
		return new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", endpoint, null));
	}

	/** A browser's CORS preflight. */
	private HttpResponse<String> preflight(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
			.header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

}
