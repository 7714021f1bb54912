package io.serverlessspring.shell.execute;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.serverlessspring.shell.aws.AwsClientFactory;
import io.serverlessspring.shell.aws.AwsClients;
import io.serverlessspring.shell.aws.AwsTarget;
import io.serverlessspring.shell.model.DesiredStage;
import io.serverlessspring.shell.model.DesiredStageFactory;
import io.serverlessspring.shell.packaging.LambdaPackage;
import io.serverlessspring.shell.packaging.LambdaPackager;
import io.serverlessspring.shell.state.ActualStateReader;
import io.serverlessspring.shell.plan.Planner;
import io.serverlessspring.shell.state.StageNames;
import io.serverlessspring.shell.settings.SettingsMetadata;
import io.serverlessspring.shell.settings.StageSettings;
import io.serverlessspring.shell.settings.StageSettingsLoader;
import io.serverlessspring.test.moto.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JWT authorizer (here a Cognito user pool's) on the HTTP API's $default route, applied by deploy's
 * planner against moto ({@code HttpSecurityDeployTest} deploys one to the local cloud, which enforces it).
 */
class JwtAuthorizerDeployTest {

	private static MotoServer moto;

	@TempDir
	Path project;

	@BeforeAll
	static void startMoto() {
		MotoServer.assumeInstalled();
		moto = MotoServer.shared();
	}

	@Test
	void cognitoUserPoolBecomesTheRouteJwtAuthorizerWithItsScopes() throws Exception {
		moto.reset();
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: members\n");
		Files.writeString(resources.resolve("application-prod.yml"), """
				serverless:
				  deploy:
				    touch: false
				  http:
				    auth:
				      type: cognito
				      cognito:
				        user-pool-arn: arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf
				        app-client-ids: [4abc, 5def]
				      jwt:
				        scopes: [members/read]
				""");
		StageSettings settings = new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod");
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip());
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", moto.endpoint(), null))) {
			DesiredStage desired = DesiredStageFactory.create(settings, pkg, "us-east-1", clients.accountId());
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, message -> { });

			String apiId = clients.apiGatewayV2().getApis(b -> { }).items().stream()
				.filter(a -> a.name().equals("members-prod")).findFirst().orElseThrow().apiId();
			Route route = clients.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items().stream()
				.filter(r -> r.routeKey().equals("$default")).findFirst().orElseThrow();
			assertThat(route.authorizationTypeAsString()).isEqualTo("JWT");
			assertThat(route.authorizationScopes()).containsExactly("members/read");
			var authorizer = clients.apiGatewayV2().getAuthorizer(b -> b.apiId(apiId).authorizerId(route.authorizerId()));
			assertThat(authorizer.jwtConfiguration().issuer())
				.isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf");
			assertThat(authorizer.jwtConfiguration().audience()).containsExactlyInAnyOrder("4abc", "5def");

			List<String> changes = new ArrayList<>();
			new Executor(List.of()).execute(Planner.plan(desired, ActualStateReader.read(clients, StageNames.of(desired))),
					clients, changes::add);
			assertThat(changes).allMatch(line -> line.startsWith("  ["));
		}
	}

	/** serverless.http.auth.lambda.simple-responses decides the HTTP API authorizer's EnableSimpleResponses, on create and update. */
	@Test
	void lambdaAuthorizerHonoursTheSimpleResponsesSetting() throws Exception {
		moto.reset();
		Path resources = this.project.resolve("src/main/resources");
		Files.createDirectories(resources);
		Files.writeString(resources.resolve("application.yml"), "spring:\n  application:\n    name: members\n");
		String prod = """
				serverless:
				  deploy:
				    touch: false
				  http:
				    auth:
				      type: lambda
				      lambda:
				        bean: gatekeeper
				        simple-responses: %s
				""";
		Files.writeString(resources.resolve("application-prod.yml"), prod.formatted("false"));
		LambdaPackage pkg = new LambdaPackager(null).read(packageZip());
		try (AwsClients clients = new AwsClientFactory(List.of()).clients(new AwsTarget("us-east-1", moto.endpoint(), null))) {
			DesiredStage policies = DesiredStageFactory.create(
					new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"), pkg, "us-east-1", clients.accountId());
			new Executor(List.of()).execute(Planner.plan(policies, ActualStateReader.read(clients, StageNames.of(policies))),
					clients, message -> { });
			String apiId = clients.apiGatewayV2().getApis(b -> { }).items().stream()
				.filter(a -> a.name().equals("members-prod")).findFirst().orElseThrow().apiId();
			Route route = clients.apiGatewayV2().getRoutes(b -> b.apiId(apiId)).items().stream()
				.filter(r -> r.routeKey().equals("$default")).findFirst().orElseThrow();
			assertThat(route.authorizationTypeAsString()).isEqualTo("CUSTOM");
			var authorizer = clients.apiGatewayV2().getAuthorizer(b -> b.apiId(apiId).authorizerId(route.authorizerId()));
			assertThat(authorizer.authorizerPayloadFormatVersion()).isEqualTo("2.0");
			assertThat(authorizer.enableSimpleResponses()).as("simple-responses: false = IAM policy answers").isFalse();

			Files.writeString(resources.resolve("application-prod.yml"), prod.formatted("true"));
			DesiredStage simple = DesiredStageFactory.create(
					new StageSettingsLoader(SettingsMetadata.load()).load(this.project, "prod"), pkg, "us-east-1", clients.accountId());
			new Executor(List.of()).execute(Planner.plan(simple, ActualStateReader.read(clients, StageNames.of(simple))),
					clients, message -> { });
			var updated = clients.apiGatewayV2().getAuthorizer(b -> b.apiId(apiId).authorizerId(route.authorizerId()));
			assertThat(updated.enableSimpleResponses()).as("changed in place on the next deploy").isTrue();
		}
	}

	private Path packageZip() throws IOException {
		Path zip = this.project.resolve("members-prod.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
			archive.putNextEntry(new ZipEntry("serverless-manifest.json"));
			archive.write("{\"formatVersion\":1,\"schedules\":[],\"eventHandlers\":[]}".getBytes());
			archive.closeEntry();
			archive.putNextEntry(new ZipEntry("serverless-package-info.json"));
			archive.write(("{\"application\":\"members\",\"stage\":\"prod\",\"sourceDate\":\"2026-11-25T10:00:00Z\","
					+ "\"gitCommit\":null,\"gitDirty\":false,\"contentHash\":\"" + "ef".repeat(32) + "\"}").getBytes());
			archive.closeEntry();
		}
		return zip;
	}

}
