package io.serverlessspring.local.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the one port without being a well-formed call of a known service. */
class DispatcherTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersAnUnknownSigningNameWithAnAwsError() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/"))
			.header("Authorization", authorization("kinesis")).POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"__type\":\"UnknownServiceException\"").contains("kinesis");
	}

	@Test
	void answersMalformedJsonWithASerializationExceptionNotAStackTrace() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/"))
			.header("Authorization", authorization("logs")).header("X-Amz-Target", "Logs_20140328.CreateLogGroup")
			.header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{not json")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
		assertThat(response.body()).doesNotContain("at io.").doesNotContain("Exception:");
	}

	@Test
	void answersAnUnknownRestOperationInTheServicesShape() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/2015-03-31/nothing-here"))
			.header("Authorization", authorization("lambda")).GET());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
	}

	@Test
	void reportsItsHealthAndServices() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/_local/health")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"lambda\"").contains("\"s3\"").contains("\"running\"");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String authorization(String service) {
		return "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=0";
	}


}
