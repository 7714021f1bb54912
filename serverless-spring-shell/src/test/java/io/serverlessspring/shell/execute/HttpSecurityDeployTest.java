package io.serverlessspring.shell.execute;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.local.LocalCloud;
import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.plan.Plan;
import io.serverlessspring.shell.plan.ResourceChange;
import io.serverlessspring.shell.plan.Value;
import io.serverlessspring.shell.plan.HttpSecurityChanges;
import io.serverlessspring.shell.plan.Planner;
import io.serverlessspring.shell.state.StageNames;
import io.serverlessspring.shell.settings.SettingsMetadata;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetStageResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serverless.http.* security and limits applied by deploy's planner and applier against the local
 * cloud over HTTP: CORS, IAM authorization, throttling and the access log end up on the HTTP API,
 * and a second deploy changes nothing.
 */
class HttpSecurityDeployTest {

	private static LocalCloud cloud;

	@TempDir
	Path project;

	@BeforeAll
	static void startCloud() {
		cloud = LocalCloud.start(0);
	}

	@AfterAll
	static void stopCloud() {
		cloud.close();
	}

	@Test
	void deployConfiguresTheHttpApiAndASecondDeployChangesNothing() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: guarded\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: http-api
				    cors:
				      allowed-origins: [https://app.example.com]
				      allow-credentials: true
				      max-age: 5m
				    auth:
				      type: aws-iam
				    throttling:
				      rate-limit: 25
				      burst-limit: 50
				    access-log:
				      enabled: true
				""");
		StageSettings settings = new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip());
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, cloud.region(), cloud.accountId());
			Plan first = Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired)));
			assertThat(first.changes()).extracting(ResourceChange::kind).contains("log group", "HTTP API", "CORS", "route");
			new Executor(List.of()).execute(first, clients, message -> { });

			Api api = clients.apiGatewayV2().getApis(b -> { }).items().stream()
				.filter(a -> a.name().equals("guarded-prod")).findFirst().orElseThrow();
			assertThat(api.corsConfiguration().allowOrigins()).containsExactly("https://app.example.com");
			assertThat(api.corsConfiguration().allowCredentials()).isTrue();
			assertThat(api.corsConfiguration().maxAge()).isEqualTo(300);
			Route route = clients.apiGatewayV2().getRoutes(b -> b.apiId(api.apiId())).items().stream()
				.filter(r -> r.routeKey().equals("$default")).findFirst().orElseThrow();
			assertThat(route.authorizationTypeAsString()).isEqualTo("AWS_IAM");
			GetStageResponse stage = clients.apiGatewayV2().getStage(b -> b.apiId(api.apiId()).stageName("$default"));
			assertThat(stage.defaultRouteSettings().throttlingRateLimit()).isEqualTo(25.0);
			assertThat(stage.defaultRouteSettings().throttlingBurstLimit()).isEqualTo(50);
			assertThat(stage.accessLogSettings().destinationArn()).endsWith(":log-group:/aws/apigateway/guarded-prod");
			assertThat(clients.logs().describeLogGroups(b -> b.logGroupNamePrefix("/aws/apigateway/guarded-prod")).logGroups())
				.hasSize(1);

			// Every setting was read back and found as desired: nothing is planned, nothing written.
			Plan second = Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired)));
			assertThat(second.changes()).isEmpty();
			List<String> changes = new ArrayList<>();
			new Executor(List.of()).execute(second, clients, changes::add);
			assertThat(changes).isEmpty();

			// Every guard removed from the settings: taken off the API (the log group stays: logs are data).
			Files.writeString(resources.resolve("application-prod.yml"), """
					serverless:
					  deploy:
					    touch: false
					  http:
					    type: http-api
					""");
			DesiredStage plain = DesiredStageFactory.create(new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"),
					pkg, cloud.region(), cloud.accountId());
			Plan removal = Planner.plan(plain, ActualStateReader.read(clients, StageNames.of(plain)));
			assertThat(removal.changes()).extracting(ResourceChange::kind).contains("CORS", "route");
			new Executor(List.of()).execute(removal, clients, message -> { });
			assertThat(clients.apiGatewayV2().getApi(b -> b.apiId(api.apiId())).corsConfiguration()).isNull();
			assertThat(clients.apiGatewayV2().getRoutes(b -> b.apiId(api.apiId())).items().stream()
				.filter(r -> r.routeKey().equals("$default")).findFirst().orElseThrow().authorizationTypeAsString())
				.isEqualTo("NONE");
			GetStageResponse unguarded = clients.apiGatewayV2().getStage(b -> b.apiId(api.apiId()).stageName("$default"));
			assertThat(unguarded.accessLogSettings()).isNull();
			var limits = unguarded.defaultRouteSettings();
			assertThat(limits == null || limits.throttlingRateLimit() == null || limits.throttlingRateLimit() == 0).isTrue();
			assertThat(Planner.plan(plain, ActualStateReader.read(clients, StageNames.of(plain))).changes()).isEmpty();
		}
	}

	@Test
	void deployGivesAFunctionUrlItsCors() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: urled\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: function-url
				    cors:
				      allowed-origins: [https://shop.example.com]
				      allowed-methods: [GET, POST]
				""");
		StageSettings settings = new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip("urled"));
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, cloud.region(), cloud.accountId());
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, message -> { });

			var cors = clients.lambda().getFunctionUrlConfig(b -> b.functionName("urled-prod").qualifier("live")).cors();
			assertThat(cors.allowOrigins()).containsExactly("https://shop.example.com");
			assertThat(cors.allowMethods()).containsExactlyInAnyOrder("GET", "POST");

			List<String> changes = new ArrayList<>();
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, changes::add);
			assertThat(changes).allMatch(line -> line.startsWith("  ["));
		}
	}

	/**
	 * Binary media types and the endpoint type are list patches (add /binaryMediaTypes/image~1png
	 * without a value, replace /endpointConfiguration/types/EDGE with REGIONAL, as AWS documents them).
	 */
	@Test
	void deployConfiguresTheRestApiWithIamKeysAUsagePlanAndThrottling() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: keyed\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: rest-api
				    auth:
				      type: aws-iam
				    throttling:
				      rate-limit: 20
				      burst-limit: 40
				    rest:
				      endpoint-type: regional
				      binary-media-types: [image/png, application/octet-stream]
				      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}'
				      api-keys:
				        names: [partner-a, partner-b]
				        quota-limit: 1000
				        quota-period: day
				""");
		StageSettings settings = new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip("keyed"));
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, cloud.region(), cloud.accountId());
			Map<String, String> applied = new Executor(List.of()).execute(
					Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))), clients, message -> { });

			var api = clients.apiGateway().getRestApis(b -> { }).items().stream()
				.filter(a -> a.name().equals("keyed-prod")).findFirst().orElseThrow();
			// The URL deploy prints (and touches) is the local cloud's form, and the local cloud answers on it.
			String endpoint = cloud.endpoint().toString().replaceAll("/$", "");
			assertThat(applied.get(Value.URL)).isEqualTo(endpoint + "/restapis/" + api.id() + "/prod/_user_request_/");
			// The methods require an API key: without one the local cloud refuses as API Gateway does; with a
			// deployed key the request passes to the integration (this package has no handler, so not a 2xx).
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(applied.get(Value.URL) + "pets")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
			assertThat(answer.body()).isEqualTo("{\"message\":\"Forbidden\"}");
			String partnerKey = clients.apiGateway().getApiKeys(b -> b.includeValues(true)).items().stream()
				.filter(key -> key.name().equals("partner-a")).findFirst().orElseThrow().value();
			HttpResponse<String> keyed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(applied.get(Value.URL) + "pets"))
				.header("x-api-key", partnerKey).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(keyed.statusCode()).as(keyed.body()).isNotIn(403, 404);
			assertThat(api.policy()).contains("execute-api:Invoke");
			assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("REGIONAL");
			assertThat(api.binaryMediaTypes()).containsExactlyInAnyOrder("image/png", "application/octet-stream");
			var plan = clients.apiGateway().getUsagePlans(b -> { }).items().stream()
				.filter(p -> p.name().equals("keyed-prod")).findFirst().orElseThrow();
			assertThat(plan.quota().limit()).isEqualTo(1000);
			assertThat(plan.apiStages()).anyMatch(stage -> stage.apiId().equals(api.id()) && stage.stage().equals("prod"));
			assertThat(clients.apiGateway().getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items())
				.extracting(key -> key.name()).containsExactlyInAnyOrder("partner-a", "partner-b");
			clients.apiGateway().getResources(b -> b.restApiId(api.id())).items().stream()
				.filter(resource -> resource.resourceMethods() != null && resource.resourceMethods().containsKey("ANY"))
				.forEach(resource -> assertThat(clients.apiGateway()
					.getMethod(b -> b.restApiId(api.id()).resourceId(resource.id()).httpMethod("ANY")).apiKeyRequired())
					.as("API key required on " + resource.path()).isTrue());
			clients.apiGateway().getResources(b -> b.restApiId(api.id())).items().stream()
				.filter(resource -> resource.resourceMethods() != null && resource.resourceMethods().containsKey("ANY"))
				.forEach(resource -> assertThat(clients.apiGateway()
					.getMethod(b -> b.restApiId(api.id()).resourceId(resource.id()).httpMethod("ANY")).authorizationType())
					.as("authorization of " + resource.path()).isEqualTo("AWS_IAM"));
			var throttle = clients.apiGateway().getStage(b -> b.restApiId(api.id()).stageName("prod")).methodSettings().get("*/*");
			assertThat(throttle.throttlingRateLimit()).isEqualTo(20.0);
			assertThat(throttle.throttlingBurstLimit()).isEqualTo(40);

			List<String> changes = new ArrayList<>();
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, changes::add);
			assertThat(changes).allMatch(line -> line.startsWith("  ["));

			// One key dropped, the binary types left to serverless.http.binary-types: the key goes, the types follow.
			Files.writeString(resources.resolve("application-prod.yml"), """
					serverless:
					  deploy:
					    touch: false
					  http:
					    type: rest-api
					    binary-types: [image/gif]
					    auth:
					      type: aws-iam
					    throttling:
					      rate-limit: 20
					      burst-limit: 40
					    rest:
					      endpoint-type: regional
					      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}'
					      api-keys:
					        names: [partner-a]
					        quota-limit: 1000
					        quota-period: day
					""");
			redeploy(clients);
			assertThat(restApi(clients, api.id()).binaryMediaTypes()).containsExactly("image/gif");
			assertThat(clients.apiGateway().getUsagePlanKeys(b -> b.usagePlanId(plan.id())).items())
				.extracting(key -> key.name()).containsExactly("partner-a");
			assertThat(clients.apiGateway().getApiKeys(b -> { }).items()).extracting(key -> key.name())
				.contains("partner-a").doesNotContain("partner-b");

			// No API keys at all and no binary types: keys, usage plan and types are gone, no method needs a key.
			Files.writeString(resources.resolve("application-prod.yml"), """
					serverless:
					  deploy:
					    touch: false
					  http:
					    type: rest-api
					    binary-types: []
					    auth:
					      type: aws-iam
					""");
			redeploy(clients);
			assertThat(restApi(clients, api.id()).binaryMediaTypes()).isEmpty();
			assertThat(clients.apiGateway().getUsagePlans(b -> { }).items()).noneMatch(p -> p.name().equals("keyed-prod"));
			assertThat(clients.apiGateway().getApiKeys(b -> { }).items()).extracting(key -> key.name())
				.doesNotContain("partner-a", "partner-b");
			clients.apiGateway().getResources(b -> b.restApiId(api.id())).items().stream()
				.filter(resource -> resource.resourceMethods() != null && resource.resourceMethods().containsKey("ANY"))
				.forEach(resource -> assertThat(clients.apiGateway()
					.getMethod(b -> b.restApiId(api.id()).resourceId(resource.id()).httpMethod("ANY")).apiKeyRequired())
					.as("API key required on " + resource.path()).isFalse());
		}
	}

	/** Plans the stage from the settings now in the project, applies it, and checks a re-plan is empty. */
	private void redeploy(AwsClients clients) throws IOException {
		DesiredStage desired = DesiredStageFactory.create(new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"),
				new LambdaPackager(null).read(this.project.resolve("keyed-prod.zip")), cloud.region(), cloud.accountId());
		new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
				clients, message -> { });
		assertThat(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))).changes()).as("re-plan")
			.isEmpty();
	}

	private static software.amazon.awssdk.services.apigateway.model.GetRestApiResponse restApi(AwsClients clients, String id) {
		return clients.apiGateway().getRestApi(b -> b.restApiId(id));
	}

	/** A changed resource policy is applied (before, only a first one was), read back, then planned no more. */
	@Test
	void aChangedResourcePolicyIsAppliedAndThenNoLongerPlanned() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: walled\n");
		String settings = """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: rest-api
				    rest:
				      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"IpAddress":{"aws:SourceIp":["%s"]}}}]}'
				""";
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip("walled"));
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			for (String network : List.of("10.0.0.0/8", "192.168.0.0/16")) {
				Files.writeString(resources.resolve("application-prod.yml"), settings.formatted(network));
				DesiredStage desired = DesiredStageFactory.create(
						new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"), pkg, cloud.region(),
						cloud.accountId());
				Plan plan = Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired)));
				assertThat(plan.changes()).as(plan.changes().toString())
					.anyMatch(change -> change instanceof HttpSecurityChanges.RestSettings
							&& change.fields().stream().anyMatch(f -> f.name().equals("resource policy")));
				new Executor(List.of()).execute(plan, clients, message -> { });

				var api = clients.apiGateway().getRestApis(b -> { }).items().stream()
					.filter(a -> a.name().equals("walled-prod")).findFirst().orElseThrow();
				assertThat(api.policy().replace("\\", "")).contains(network);
				assertThat(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))).changes())
					.as("re-plan with the policy in place").noneMatch(HttpSecurityChanges.RestSettings.class::isInstance);
			}
		}
	}

	/** A private REST API gets its VPC endpoint ids (before, only the template wrote them). */
	@Test
	void aPrivateRestApiAcceptsTheVpcEndpointsItNames() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: inside\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: rest-api
				    rest:
				      endpoint-type: private
				      vpc-endpoint-ids: [vpce-0a1b2c3d, vpce-4e5f6a7b]
				      resource-policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}'
				""");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip("inside"));
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(
					new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"), pkg, cloud.region(),
					cloud.accountId());
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, message -> { });

			var api = clients.apiGateway().getRestApis(b -> { }).items().stream()
				.filter(a -> a.name().equals("inside-prod")).findFirst().orElseThrow();
			assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("PRIVATE");
			assertThat(api.endpointConfiguration().vpcEndpointIds()).containsExactlyInAnyOrder("vpce-0a1b2c3d", "vpce-4e5f6a7b");
			assertThat(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))).changes())
				.as("re-plan").noneMatch(HttpSecurityChanges.RestSettings.class::isInstance);
		}
	}

	/**
	 * A Cognito (JWT) authorizer deployed to the local cloud is enforced on the route: no token is API
	 * Gateway's 401, a token without the route's scope a 403, a token of the pool's app client with the
	 * scope passes to the integration (this package has no handler, so not a 2xx).
	 */
	@Test
	void deployedJwtAuthorizerIsEnforcedByTheLocalCloud() throws Exception {
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: members\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    type: http-api
				    auth:
				      type: cognito
				      cognito:
				        user-pool-arn: arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Members
				        app-client-ids: [4abc]
				      jwt:
				        scopes: [members/read]
				""");
		StageSettings settings = new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip("members"));
		try (AwsClients clients = new AwsClientFactory(List.of())
			.clients(new AwsTarget(cloud.region(), cloud.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, cloud.region(), cloud.accountId());
			Map<String, String> applied = new Executor(List.of()).execute(
					Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))), clients, message -> { });
			assertThat(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))).changes())
				.as("the authorizer reads back as deployed").isEmpty();

			String url = applied.get(Value.URL).replaceAll("/$", "") + "/members";
			String issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Members";
			long later = java.time.Instant.now().getEpochSecond() + 3600;
			HttpResponse<String> anonymous = get(url, null);
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
			assertThat(get(url, token(issuer, "4abc", "openid", later)).statusCode()).as("no members/read scope").isEqualTo(403);
			assertThat(get(url, token(issuer, "9xyz", "members/read", later)).statusCode()).as("another app client").isEqualTo(401);
			HttpResponse<String> member = get(url, token(issuer, "4abc", "members/read", later));
			assertThat(member.statusCode()).as(member.body()).isNotIn(401, 403, 404);
		}
	}

	/** An unsigned Cognito access token: the local cloud checks a JWT's claims, not its signature. */
	private static String token(String issuer, String clientId, String scope, long expires) {
		java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String claims = "{\"iss\":\"" + issuer + "\",\"client_id\":\"" + clientId + "\",\"scope\":\"" + scope
				+ "\",\"token_use\":\"access\",\"sub\":\"user-1\",\"exp\":" + expires + "}";
		return "Bearer " + base64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + base64.encodeToString(claims.getBytes())
				+ ".c2ln";
	}

	private static HttpResponse<String> get(String url, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A package as 'package' writes it, with an empty manifest. */
	private Path packageZip() throws IOException {
		return packageZip("guarded");
	}

	private Path packageZip(String app) throws IOException {
		Path zip = this.project.resolve(app + "-prod.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("serverless-manifest.json"));
			archive.write("{\"formatVersion\":1,\"schedules\":[],\"eventHandlers\":[]}".getBytes());
			archive.closeEntry();
			archive.putNextEntry(new ZipEntry("serverless-package-info.json"));
			archive.write(("{\"application\":\"" + app + "\",\"stage\":\"prod\",\"sourceDate\":\"2026-11-25T10:00:00Z\","
					+ "\"gitCommit\":null,\"gitDirty\":false,\"contentHash\":\"" + "cd".repeat(32) + "\"}").getBytes());
			archive.closeEntry();
		}
		return zip;
	}

}
