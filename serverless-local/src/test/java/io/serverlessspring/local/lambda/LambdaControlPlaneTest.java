package io.serverlessspring.local.lambda;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.lambda.runtime.FunctionJvm;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.lambda.model.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaControlPlaneTest {

	private final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private final IamClient iam = SharedCloud.client(IamClient.builder());

	@Test
	void createdFunctionIsPendingThenActiveAndUpdatesGoThroughInProgress() {
		CreateFunctionResponse created = this.lambda.createFunction((c) -> c.functionName("cp-states")
			.runtime(Runtime.JAVA17).handler(TestFunctions.HANDLER).role(TestFunctions.role(this.iam))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip()))));
		assertThat(created.state()).isEqualTo(State.PENDING);
		assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:cp-states");
		assertThat(created.timeout()).isEqualTo(3);
		assertThat(created.memorySize()).isEqualTo(128);

		var active = this.lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("cp-states"));
		assertThat(active.matched().response().get().configuration().state()).isEqualTo(State.ACTIVE);

		var updating = this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-states").timeout(30)
			.environment((e) -> e.variables(Map.of("STAGE", "dev"))));
		assertThat(updating.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
		assertThatThrownBy(() -> this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-states").timeout(40)))
			.as("a second update while one is in progress").isInstanceOf(ResourceConflictException.class);
		var updated = this.lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("cp-states"));
		var configuration = updated.matched().response().get().configuration();
		assertThat(configuration.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
		assertThat(configuration.timeout()).isEqualTo(30);
		assertThat(configuration.environment().variables()).containsEntry("STAGE", "dev");

		this.lambda.deleteFunction((d) -> d.functionName("cp-states"));
		assertThatThrownBy(() -> this.lambda.getFunction((g) -> g.functionName("cp-states")))
			.isInstanceOfSatisfying(ResourceNotFoundException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(404));
	}

	@Test
	void publishesVersionsAndPointsAliasesAtThem() throws Exception {
		TestFunctions.deployEcho(this.lambda, this.iam, "cp-versions", 3);
		String first = this.lambda.publishVersion((p) -> p.functionName("cp-versions")).version();
		assertThat(first).isEqualTo("1");
		assertThat(this.lambda.publishVersion((p) -> p.functionName("cp-versions")).version())
			.as("nothing changed: the same version").isEqualTo("1");
		this.lambda.updateFunctionCode((u) -> u.functionName("cp-versions")
			.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())).publish(false));
		this.lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("cp-versions"));
		this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-versions").description("second"));
		this.lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("cp-versions"));
		assertThat(this.lambda.publishVersion((p) -> p.functionName("cp-versions")).version()).isEqualTo("2");
		assertThat(this.lambda.listVersionsByFunction((l) -> l.functionName("cp-versions")).versions())
			.extracting((v) -> v.version()).containsExactly("$LATEST", "1", "2");

		String location = this.lambda.getFunction((g) -> g.functionName("cp-versions").qualifier("1")).code().location();
		assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body()).as("Code.Location serves the package")
			.isEqualTo(TestFunctions.echoZip());
		var alias = this.lambda.createAlias((a) -> a.functionName("cp-versions").name("live").functionVersion("1"));
		assertThat(alias.aliasArn()).endsWith(":function:cp-versions:live");
		this.lambda.updateAlias((a) -> a.functionName("cp-versions").name("live").functionVersion("2"));
		assertThat(this.lambda.getAlias((a) -> a.functionName("cp-versions").name("live")).functionVersion()).isEqualTo("2");
		assertThat(this.lambda.getFunctionConfiguration((g) -> g.functionName("cp-versions").qualifier("live")).description())
			.isEqualTo("second");
		assertThatThrownBy(() -> this.lambda.deleteFunction((d) -> d.functionName("cp-versions").qualifier("2")))
			.as("an alias points at version 2").isInstanceOf(ResourceConflictException.class);
		assertThatThrownBy(() -> this.lambda.createAlias((a) -> a.functionName("cp-versions").name("bad").functionVersion("9")))
			.isInstanceOf(ResourceNotFoundException.class);
		this.lambda.deleteFunction((d) -> d.functionName("cp-versions"));
	}

	@Test
	void keepsSnapStartAndPublishesVersionsWithItAndNamesTheJdkARuntimeRunsOn() {
		this.lambda.createFunction((c) -> c.functionName("cp-snap").runtime(Runtime.JAVA21)
			.handler(TestFunctions.HANDLER).role(TestFunctions.role(this.iam))
			.snapStart((s) -> s.applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip()))));
		this.lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("cp-snap"));
		var latest = this.lambda.getFunction((g) -> g.functionName("cp-snap")).configuration();
		assertThat(latest.snapStart().applyOn()).isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
		assertThat(latest.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.OFF);
		String jdk = FunctionJvm.installed().choose("java21").jdk().version();
		assertThat(latest.runtimeVersionConfig().runtimeVersionArn())
			.isEqualTo("arn:aws:lambda:us-east-1::runtime:local:java21-on-JDK-" + jdk);

		var published = this.lambda.publishVersion((p) -> p.functionName("cp-snap"));
		assertThat(published.snapStart().optimizationStatus()).isEqualTo(SnapStartOptimizationStatus.ON);
		assertThat(this.lambda.publishVersion((p) -> p.functionName("cp-snap")).version())
			.as("nothing changed: the same version").isEqualTo(published.version());
		this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-snap")
			.snapStart((s) -> s.applyOn(SnapStartApplyOn.NONE)));
		this.lambda.waiter().waitUntilFunctionUpdatedV2((g) -> g.functionName("cp-snap"));
		assertThat(this.lambda.getFunctionConfiguration((g) -> g.functionName("cp-snap")).snapStart().applyOn())
			.isEqualTo(SnapStartApplyOn.NONE);
		assertThat(this.lambda.getFunctionConfiguration((g) -> g.functionName("cp-snap").qualifier(published.version()))
			.snapStart().applyOn()).as("the published version keeps its snapshot").isEqualTo(SnapStartApplyOn.PUBLISHED_VERSIONS);
		this.lambda.deleteFunction((d) -> d.functionName("cp-snap"));
	}

	@Test
	void keepsPermissionsUrlsConcurrencyAndTags() {
		TestFunctions.deployEcho(this.lambda, this.iam, "cp-extras", 3);
		this.lambda.addPermission((p) -> p.functionName("cp-extras").statementId("apigw").action("lambda:InvokeFunction")
			.principal("apigateway.amazonaws.com").sourceArn("arn:aws:execute-api:us-east-1:000000000000:abc/*"));
		assertThatThrownBy(() -> this.lambda.addPermission((p) -> p.functionName("cp-extras").statementId("apigw")
			.action("lambda:InvokeFunction").principal("apigateway.amazonaws.com")))
			.isInstanceOf(ResourceConflictException.class);
		assertThat(this.lambda.getPolicy((p) -> p.functionName("cp-extras")).policy()).contains("\"Sid\":\"apigw\"")
			.contains("apigateway.amazonaws.com");
		this.lambda.removePermission((p) -> p.functionName("cp-extras").statementId("apigw"));
		assertThatThrownBy(() -> this.lambda.getPolicy((p) -> p.functionName("cp-extras")))
			.isInstanceOf(ResourceNotFoundException.class);

		var url = this.lambda.createFunctionUrlConfig((u) -> u.functionName("cp-extras").authType(FunctionUrlAuthType.NONE));
		assertThat(url.functionUrl()).startsWith(SharedCloud.endpoint() + "/_aws/lambda-url/").endsWith("/");
		assertThat(this.lambda.getFunctionUrlConfig((u) -> u.functionName("cp-extras")).functionUrl()).isEqualTo(url.functionUrl());

		this.lambda.putFunctionConcurrency((c) -> c.functionName("cp-extras").reservedConcurrentExecutions(2));
		assertThat(this.lambda.getFunctionConcurrency((c) -> c.functionName("cp-extras")).reservedConcurrentExecutions()).isEqualTo(2);

		String arn = this.lambda.getFunction((g) -> g.functionName("cp-extras")).configuration().functionArn();
		this.lambda.tagResource((t) -> t.resource(arn).tags(Map.of("app", "petstore")));
		assertThat(this.lambda.listTags((t) -> t.resource(arn)).tags()).containsEntry("app", "petstore");
		assertThat(this.lambda.getFunction((g) -> g.functionName("cp-extras")).tags()).containsEntry("app", "petstore");
		this.lambda.deleteFunction((d) -> d.functionName("cp-extras"));
	}

	@Test
	void refusesDuplicatesMissingRolesAndBadSettingsNamingThem() {
		TestFunctions.deployEcho(this.lambda, this.iam, "cp-dupe", 3);
		assertThatThrownBy(() -> TestFunctions.deployEcho(this.lambda, this.iam, "cp-dupe", 3))
			.isInstanceOfSatisfying(ResourceConflictException.class, (ex) -> {
				assertThat(ex.statusCode()).isEqualTo(409);
				assertThat(ex.getMessage()).contains("Function already exist: cp-dupe");
			});
		assertThatThrownBy(() -> this.lambda.createFunction((c) -> c.functionName("cp-norole").runtime(Runtime.JAVA17)
			.handler("x.Y").role("arn:aws:iam::000000000000:role/missing")
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(TestFunctions.echoZip())))))
			.isInstanceOfSatisfying(InvalidParameterValueException.class,
					(ex) -> assertThat(ex.getMessage()).contains("cannot be assumed by Lambda"));
		assertThatThrownBy(() -> this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-dupe").timeout(901)))
			.isInstanceOfSatisfying(InvalidParameterValueException.class, (ex) -> assertThat(ex.getMessage()).contains("timeout"));
		assertThat(this.lambda.getFunctionConfiguration((g) -> g.functionName("cp-dupe")).timeout())
			.as("a refused update changes nothing").isEqualTo(3);
		assertThatThrownBy(() -> this.lambda.updateFunctionConfiguration((u) -> u.functionName("cp-dupe")
			.description("changed").timeout(30).memorySize(64)))
			.isInstanceOfSatisfying(InvalidParameterValueException.class, (ex) -> assertThat(ex.getMessage()).contains("memorySize"));
		var unchanged = this.lambda.getFunctionConfiguration((g) -> g.functionName("cp-dupe"));
		assertThat(unchanged.description()).as("valid members of a refused update are not applied either").isEmpty();
		assertThat(unchanged.timeout()).isEqualTo(3);
		this.lambda.deleteFunction((d) -> d.functionName("cp-dupe"));
	}

}
