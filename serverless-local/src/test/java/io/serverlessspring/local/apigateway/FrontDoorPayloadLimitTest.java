package io.serverlessspring.local.apigateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.lambda.LambdaService;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request whose Lambda event would exceed Lambda's 6 MB synchronous payload is refused by every
 * front door (HTTP API, REST API, function URL) with its own 413, and the function never runs.
 */
class FrontDoorPayloadLimitTest {

	private static final String FUNCTION = "limit-echo";

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final ApiGatewayV2Client httpApis = SharedCloud.client(ApiGatewayV2Client.builder());

	private static final ApiGatewayClient restApis = SharedCloud.client(ApiGatewayClient.builder());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static String httpApiId;

	private static String httpApiEndpoint;

	private static String restApiId;

	private static String functionUrl;

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), FUNCTION, 10);
		lambda.addPermission((p) -> p.functionName(FUNCTION).statementId("apigateway").action("lambda:InvokeFunction")
			.principal("apigateway.amazonaws.com"));
		String functionArn = lambda.getFunction((g) -> g.functionName(FUNCTION)).configuration().functionArn();
		var api = httpApis.createApi((c) -> c.name("limits").protocolType(ProtocolType.HTTP).target(functionArn));
		httpApiId = api.apiId();
		httpApiEndpoint = api.apiEndpoint();
		restApiId = restApis.createRestApi((b) -> b.name("limits")).id();
		String root = restApis.getResources((b) -> b.restApiId(restApiId)).items().get(0).id();
		restApis.putMethod((b) -> b.restApiId(restApiId).resourceId(root).httpMethod("ANY").authorizationType("NONE"));
		restApis.putIntegration((b) -> b.restApiId(restApiId).resourceId(root).httpMethod("ANY").type(IntegrationType.AWS_PROXY)
			.integrationHttpMethod("POST")
			.uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations"));
		restApis.createDeployment((b) -> b.restApiId(restApiId).stageName("dev"));
		functionUrl = lambda.createFunctionUrlConfig((u) -> u.functionName(FUNCTION).authType(FunctionUrlAuthType.NONE))
			.functionUrl();
	}

	@AfterAll
	static void delete() {
		httpApis.deleteApi((d) -> d.apiId(httpApiId));
		restApis.deleteRestApi((d) -> d.restApiId(restApiId));
		lambda.deleteFunction((d) -> d.functionName(FUNCTION));
	}

	@Test
	void refusesASevenMegabytePostWithEachFrontDoorsOwn413WithoutInvoking() throws Exception {
		byte[] sevenMegabytes = new byte[7 * 1024 * 1024];
		Arrays.fill(sevenMegabytes, (byte) 'a');

		HttpResponse<String> httpApi = post(httpApiEndpoint + "/upload", sevenMegabytes);
		assertThat(httpApi.statusCode()).isEqualTo(413);
		assertThat(httpApi.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");

		HttpResponse<String> restApi = post(SharedCloud.endpoint() + "/restapis/" + restApiId + "/dev/_user_request_/", sevenMegabytes);
		assertThat(restApi.statusCode()).isEqualTo(413);
		assertThat(restApi.body()).isEqualTo("{\"message\":\"Request Too Long\"}");

		HttpResponse<String> url = post(functionUrl + "upload", sevenMegabytes);
		assertThat(url.statusCode()).isEqualTo(413);
		assertThat(url.body()).contains("\"Message\":\"Request must be smaller than 6291456 bytes");

		assertThat(SharedCloud.cloud().service(LambdaService.class).invoker().environmentCount(FUNCTION))
			.as("no environment was started for the refused requests").isZero();
		CloudWatchLogsClient logs = SharedCloud.client(CloudWatchLogsClient.builder());
		assertThatThrownBy(() -> logs.filterLogEvents((f) -> f.logGroupName("/aws/lambda/" + FUNCTION)))
			.as("the function never ran, so it never logged").isInstanceOf(ResourceNotFoundException.class);

		HttpResponse<String> small = post(httpApiEndpoint + "/upload", "{\"small\":true}".getBytes());
		assertThat(small.statusCode()).as("the same route under the limit reaches the function").isEqualTo(201);
	}

	private static HttpResponse<String> post(String url, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
