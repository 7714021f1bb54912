package io.serverlessspring.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.serverlessspring.local.fixtures.TestFunctions;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** With a state directory, a restart keeps deployments: roles, objects, functions (and their code), APIs. */
class LocalCloudPersistenceTest {

	@Test
	void keepsDeploymentsAcrossARestart(@TempDir Path state) throws Exception {
		String apiId;
		try (LocalCloud first = LocalCloud.start(0, state)) {
			IamClient iam = SharedCloud.configure(IamClient.builder(), first.endpoint());
			LambdaClient lambda = SharedCloud.configure(LambdaClient.builder(), first.endpoint());
			S3Client s3 = SharedCloud.configure(S3Client.builder().forcePathStyle(true), first.endpoint());
			ApiGatewayV2Client apigateway = SharedCloud.configure(ApiGatewayV2Client.builder(), first.endpoint());
			s3.createBucket((b) -> b.bucket("kept"));
			s3.putObject((p) -> p.bucket("kept").key("code.zip"), RequestBody.fromBytes(TestFunctions.echoZip()));
			lambda.createFunction((c) -> c.functionName("kept").runtime(software.amazon.awssdk.services.lambda.model.Runtime.JAVA17)
				.handler(TestFunctions.HANDLER).role(TestFunctions.role(iam)).code((code) -> code.s3Bucket("kept").s3Key("code.zip")));
			lambda.waiter().waitUntilFunctionActiveV2((g) -> g.functionName("kept"));
			lambda.publishVersion((p) -> p.functionName("kept"));
			lambda.addPermission((p) -> p.functionName("kept").statementId("apigateway").action("lambda:InvokeFunction")
				.principal("apigateway.amazonaws.com"));
			String functionArn = lambda.getFunction((g) -> g.functionName("kept")).configuration().functionArn();
			apiId = apigateway.createApi((c) -> c.name("kept").protocolType("HTTP").target(functionArn)).apiId();
		}

		try (LocalCloud second = LocalCloud.start(0, state)) {
			LambdaClient lambda = SharedCloud.configure(LambdaClient.builder(), second.endpoint());
			S3Client s3 = SharedCloud.configure(S3Client.builder().forcePathStyle(true), second.endpoint());
			ApiGatewayV2Client apigateway = SharedCloud.configure(ApiGatewayV2Client.builder(), second.endpoint());
			IamClient iam = SharedCloud.configure(IamClient.builder(), second.endpoint());

			assertThat(iam.getRole((r) -> r.roleName("echo-role")).role().arn()).endsWith(":role/echo-role");
			assertThat(s3.getObjectAsBytes((g) -> g.bucket("kept").key("code.zip")).asByteArray()).isEqualTo(TestFunctions.echoZip());
			var configuration = lambda.getFunctionConfiguration((g) -> g.functionName("kept"));
			assertThat(configuration.state()).isEqualTo(State.ACTIVE);
			assertThat(lambda.listVersionsByFunction((l) -> l.functionName("kept")).versions()).hasSize(2);
			assertThat(lambda.invoke((i) -> i.functionName("kept").qualifier("1").payload(SdkBytes.fromUtf8String("{\"after\":\"restart\"}")))
				.payload().asUtf8String()).contains("\"after\":\"restart\"");

			var api = apigateway.getApi((g) -> g.apiId(apiId));
			assertThat(api.apiEndpoint()).as("follows the new port").startsWith(second.endpoint().toString());
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create(api.apiEndpoint() + "/still-there")).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.body()).contains("\"rawPath\":\"/still-there\"");
		}
	}

}
