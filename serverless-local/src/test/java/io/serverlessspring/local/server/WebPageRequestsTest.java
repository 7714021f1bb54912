package io.serverlessspring.local.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.serverlessspring.local.SharedCloud;
import io.serverlessspring.local.fixtures.RawHttp;
import io.serverlessspring.local.fixtures.TestFunctions;
import io.serverlessspring.local.lambda.LambdaService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a web page in a browser can send to the local cloud, refused and changing nothing: query-string
 * credentials outside presigned S3 URLs, unsigned calls, a foreign Host (DNS rebinding), a foreign
 * Origin; while real clients (signed, presigned S3 URLs) and the public front doors keep working.
 */
class WebPageRequestsTest {

	private static final String TARGET = "page-target";

	private static final LambdaClient lambda = SharedCloud.client(LambdaClient.builder());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String QUERY_CREDENTIALS = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
			+ "&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Flambda%2Faws4_request&X-Amz-Date=20260101T000000Z"
			+ "&X-Amz-SignedHeaders=host&X-Amz-Signature=00";

	private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, "
			+ "SignedHeaders=host;x-amz-date, Signature=00";

	@BeforeAll
	static void deploy() {
		TestFunctions.deployEcho(lambda, SharedCloud.client(IamClient.builder()), TARGET, 10);
	}

	@AfterAll
	static void delete() {
		lambda.deleteFunction((d) -> d.functionName(TARGET));
	}

	@Test
	void refusesAFunctionCreatedWithQueryStringCredentialsAndATextPlainBody() throws Exception {
		String createFunction = "{\"FunctionName\":\"page-made\",\"Runtime\":\"java17\",\"Handler\":\"" + TestFunctions.HANDLER
				+ "\",\"Role\":\"" + TestFunctions.role(SharedCloud.client(IamClient.builder())) + "\",\"Code\":{\"ZipFile\":\""
				+ Base64.getEncoder().encodeToString(TestFunctions.echoZip()) + "\"}}";
		HttpResponse<String> formLike = post("/2015-03-31/functions?" + QUERY_CREDENTIALS, createFunction, Map.of());
		assertThat(formLike.statusCode()).isEqualTo(403);
		assertThat(formLike.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
		assertThat(formLike.body()).contains("presigned S3 object URLs");

		HttpResponse<String> fromAPage = post("/2015-03-31/functions?" + QUERY_CREDENTIALS, createFunction,
				Map.of("Origin", "http://evil.example"));
		assertThat(fromAPage.statusCode()).isEqualTo(403);
		assertThat(fromAPage.body()).contains("Cross-origin request refused").contains("http://evil.example");

		assertThat(lambda.listFunctions().functions()).extracting(FunctionConfiguration::functionName)
			.as("nothing was created").doesNotContain("page-made");
	}

	@Test
	void refusesAnUnsignedInvocationAndTheBrowsersPreflightForASignedOne() throws Exception {
		HttpResponse<String> unsigned = post("/2015-03-31/functions/" + TARGET + "/invocations", "{\"command\":\"manage env\"}",
				Map.of());
		assertThat(unsigned.statusCode()).isEqualTo(403);
		assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(SharedCloud.endpoint().resolve("/2015-03-31/functions/"
				+ TARGET + "/invocations")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		HttpResponse<String> crossOriginSigned = post("/2015-03-31/functions/" + TARGET + "/invocations", "{}",
				Map.of("Origin", "http://evil.example", "Authorization", SIGNED, "X-Amz-Date", "20260101T000000Z"));
		assertThat(crossOriginSigned.statusCode()).isEqualTo(403);

		HttpResponse<String> crossSite = post("/2015-03-31/functions/" + TARGET + "/invocations", "{}",
				Map.of("Sec-Fetch-Site", "cross-site", "Authorization", SIGNED, "X-Amz-Date", "20260101T000000Z"));
		assertThat(crossSite.statusCode()).isEqualTo(403);

		assertThat(SharedCloud.cloud().service(LambdaService.class).invoker().environmentCount(TARGET))
			.as("the function never ran").isZero();
	}

	@Test
	void answersItsOwnOriginAndLoopbackHostsOnly() throws Exception {
		int port = SharedCloud.cloud().port();
		Map<String, String> signed = new LinkedHashMap<>();
		signed.put("Authorization", SIGNED);
		signed.put("X-Amz-Date", "20260101T000000Z");
		for (String host : new String[] { "127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port }) {
			signed.put("Host", host);
			assertThat(RawHttp.send(port, "GET", "/2015-03-31/functions/", signed, null)).as(host).startsWith("HTTP/1.1 200");
		}
		for (String host : new String[] { "evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "localhost" }) {
			signed.put("Host", host);
			String answer = RawHttp.send(port, "GET", "/2015-03-31/functions/", signed, null);
			assertThat(answer).as(host).startsWith("HTTP/1.1 421").contains("not '" + host + "'").doesNotContain(TARGET);
		}
		signed.put("Host", "127.0.0.1:" + port);
		signed.put("Origin", "http://127.0.0.1:" + port);
		assertThat(RawHttp.send(port, "GET", "/2015-03-31/functions/", signed, null)).as("its own origin")
			.startsWith("HTTP/1.1 200").contains(TARGET);
	}

	@Test
	void keepsHealthReadOnlyAndHostChecked() throws Exception {
		int port = SharedCloud.cloud().port();
		assertThat(RawHttp.get(port, "/_local/health", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200").contains("\"running\"");
		assertThat(RawHttp.send(port, "POST", "/_local/health", Map.of("Host", "127.0.0.1:" + port), "{}")).startsWith("HTTP/1.1 405");
		assertThat(RawHttp.get(port, "/_local/health", "rebound.example:" + port)).startsWith("HTTP/1.1 421");
	}

	@Test
	void servesPresignedS3ObjectUrlsButNotPresignedListings() throws Exception {
		S3Client s3 = SharedCloud.client(S3Client.builder().forcePathStyle(true));
		s3.createBucket((b) -> b.bucket("presigned"));
		try (S3Presigner presigner = S3Presigner.builder().endpointOverride(SharedCloud.endpoint()).region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
			URI put = presigner.presignPutObject((p) -> p.signatureDuration(Duration.ofMinutes(5))
				.putObjectRequest((o) -> o.bucket("presigned").key("notes/a b.txt"))).url().toURI();
			assertThat(http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofString("presigned body")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
			URI get = presigner.presignGetObject((p) -> p.signatureDuration(Duration.ofMinutes(5))
				.getObjectRequest((o) -> o.bucket("presigned").key("notes/a b.txt"))).url().toURI();
			HttpResponse<String> object = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(object.statusCode()).isEqualTo(200);
			assertThat(object.body()).isEqualTo("presigned body");

			String listing = get.toString().replace("/notes/a%20b.txt", "");
			HttpResponse<String> presignedListing = http.send(HttpRequest.newBuilder(URI.create(listing)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(presignedListing.statusCode()).isEqualTo(403);
			assertThat(presignedListing.body()).contains("<Code>AuthorizationQueryParametersError</Code>");
		}
		s3.deleteObject((d) -> d.bucket("presigned").key("notes/a b.txt"));
		s3.putObject((p) -> p.bucket("presigned").key("signed.txt"), RequestBody.fromString("signed"));
		assertThat(s3.getObjectAsBytes((g) -> g.bucket("presigned").key("signed.txt")).asUtf8String()).isEqualTo("signed");
		s3.deleteObject((d) -> d.bucket("presigned").key("signed.txt"));
		s3.deleteBucket((d) -> d.bucket("presigned"));
	}

	private static HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(SharedCloud.endpoint().resolve(path))
			.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
